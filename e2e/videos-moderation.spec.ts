import { newPerson, openContext, openDemoAdmin, signUp } from "./support/people";
import { expect, test, type Page } from "./support/test";
import { publishStoredVideos } from "./support/video-fixtures";

/**
 * Reported comments reach the administrators: a viewer reports two of
 * someone's comments; the demo administrator finds both at
 * /videos/admin/reports with the video and the reason, removes one (gone
 * from the video for everyone) and dismisses the other (it stays). The
 * queue is for administrators only.
 */
test.describe.configure({ timeout: 120_000 });

async function comment(page: Page, text: string): Promise<void> {
  await page.getByLabel("Add a comment").fill(text);
  await page.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(page.getByRole("list", { name: "Comments" }).getByText(text)).toBeVisible();
}

async function report(page: Page, author: string, text: string, reason: string): Promise<void> {
  await page.getByRole("article", { name: `Comment by ${author}` }).filter({ hasText: text }).getByRole("button", { name: "Report" }).click();
  const dialog = page.getByRole("dialog", { name: "Report this comment" });
  await dialog.getByLabel("Reason").fill(reason);
  await dialog.getByRole("button", { name: "Report", exact: true }).click();
  // The dialog closes once the report is in (its toast may still show the previous report's thanks).
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Thanks: the comment was reported").first()).toBeVisible();
}

test("a reported comment reaches the admins' queue: removing takes it away, dismissing keeps it", async ({ browser, baseURL }) => {
  const carol = newPerson("Carol");
  const dan = newPerson("Dan");
  const c = await openContext(browser, baseURL);
  const d = await openContext(browser, baseURL);
  await Promise.all([signUp(c.page, carol), signUp(d.page, dan)]);
  const title = `Moderated ${Date.now().toString(36)}`;
  await publishStoredVideos(carol.username, title, 1);
  await c.page.goto(`/videos/c/${carol.username}`);
  await c.page.getByRole("link", { name: new RegExp(`${title} 01`) }).first().click();
  await expect(c.page).toHaveURL(/\/videos\/[0-9a-f]{24}$/);
  const videoPath = new URL(c.page.url()).pathname;

  const spam = `Buy cheap views ${Date.now()}`;
  const harmless = `Nice colours ${Date.now()}`;
  await comment(c.page, spam);
  await comment(c.page, harmless);
  await d.page.goto(videoPath);
  await report(d.page, carol.name, spam, "Selling views");
  await report(d.page, carol.name, harmless, "I do not like it");

  const admin = await openDemoAdmin(browser, baseURL);
  await admin.goto("/videos");
  await admin.getByRole("link", { name: "Reported comments" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Reported comments" })).toBeVisible();
  const reportedSpam = admin.getByRole("listitem").filter({ hasText: spam });
  await expect(reportedSpam).toBeVisible();
  await expect(reportedSpam.getByText("1 report", { exact: true })).toBeVisible();
  await expect(reportedSpam.getByText("Selling views")).toBeVisible();
  await expect(reportedSpam.getByRole("link", { name: `${title} 01` })).toHaveAttribute("href", videoPath);
  await reportedSpam.getByRole("button", { name: "Remove comment" }).click();
  await expect(admin.getByText("Comment removed")).toBeVisible();
  await expect(reportedSpam).toHaveCount(0);
  const reportedHarmless = admin.getByRole("listitem").filter({ hasText: harmless });
  await reportedHarmless.getByRole("button", { name: "Dismiss" }).click();
  await expect(admin.getByText("Reports dismissed")).toBeVisible();
  await expect(reportedHarmless).toHaveCount(0);

  // The removed comment is gone for everyone; the dismissed one stays.
  await c.page.reload();
  const comments = c.page.getByRole("list", { name: "Comments" });
  await expect(comments.getByText(harmless)).toBeVisible();
  await expect(comments.getByText(spam)).toHaveCount(0);

  // Ordinary people get the 403 page, not the queue.
  await d.page.goto("/videos/admin/reports");
  await expect(d.page.getByText("403")).toBeVisible();
  await expect(d.page.getByRole("heading", { name: "Reported comments" })).toHaveCount(0);
  await Promise.all([c.context.close(), d.context.close(), admin.context().close()]);
});
