import { expect, test, type Page } from "./support/test";
import { arrive, conversationChannel, createGroup, messageAction, messageBy, messages, openGroup, send } from "./support/chat";

/**
 * Threads as Slack has them (issue 16): a reply in a side panel (a full-screen
 * sheet on a phone), kept out of the main timeline; the parent shows "N
 * replies" and opens the thread; both members see replies arrive live; the
 * parent's author and the members a reply @mentions are notified, and opening
 * the thread reads its bell entries.
 */
test.describe.configure({ timeout: 120_000 });

test("one member replies in a thread, the other sees the count live and reads the reply in the panel", async ({ browser, baseURL }) => {
  const [ava, ben] = await Promise.all([arrive(browser, baseURL, "Ava"), arrive(browser, baseURL, "Ben")]);
  const path = await createGroup(ava, `Camp ${ava.username.split("_")[1]}`, [ben]);
  await ava.subscribed(conversationChannel(path));
  await openGroup(ben, path);
  await send(ava.page, "Who brings the tent?");

  // Ben opens the message's thread from its menu and replies.
  await messageAction(messageBy(ben.page, ava.name, "Who brings the tent?"), "Reply in thread");
  const benThread = ben.page.getByRole("complementary", { name: "Thread" });
  await expect(benThread.getByRole("group", { name: new RegExp(`^${ava.name}, `) })).toContainText("Who brings the tent?");
  await expect(benThread).toContainText("No replies yet");
  const benBox = benThread.getByRole("textbox", { name: "Reply in thread" });
  await expect(benBox).toBeFocused();
  await benBox.fill("I will");
  await benBox.press("Enter");
  await expect(benThread.getByRole("list", { name: "Replies" }).getByRole("listitem", { name: /^You, / })).toContainText("I will");
  await expect(benBox).toHaveValue("");

  // Ava sees "1 reply" under her message live; the reply is not in her timeline.
  const avaParent = messageBy(ava.page, "You", "Who brings the tent?");
  await expect(avaParent.getByRole("button", { name: /^1 reply, last reply / })).toBeVisible();
  await expect(messages(ava.page).getByText("I will")).toHaveCount(0);

  // Ava wrote the parent: Ben's reply is unread in her bell until she opens the thread.
  await expect.poll(() => bellEntryState(ava.page, `${ben.name} replied in your thread`)).toBe("unread");
  await avaParent.getByRole("button", { name: /^1 reply/ }).click();
  const avaThread = ava.page.getByRole("complementary", { name: "Thread" });
  await expect(avaThread.getByRole("listitem", { name: new RegExp(`^${ben.name}, `) })).toContainText("I will");
  await expect.poll(() => bellEntryState(ava.page, `${ben.name} replied in your thread`)).toBe("read");

  // Ava answers in the thread, mentioning Ben: his open panel shows it after his, his count says 2, and his bell has the mention.
  const avaBox = avaThread.getByRole("textbox", { name: "Reply in thread" });
  await avaBox.fill(`Thanks @${ben.username}!`);
  await avaBox.press("Enter");
  const benReplies = benThread.getByRole("list", { name: "Replies" }).getByRole("listitem");
  await expect(benReplies).toHaveCount(2);
  await expect(benReplies.nth(0)).toContainText("I will");
  await expect(benReplies.nth(1)).toContainText("Thanks @");
  await expect(messageBy(ben.page, ava.name, "Who brings the tent?").getByRole("button", { name: /^2 replies/ })).toBeVisible();
  await expect.poll(() => bellEntryState(ben.page, `${ava.name} mentioned you`)).not.toBe("missing");

  // Esc closes Ava's panel and gives focus back to the line that opened it.
  await avaBox.press("Escape");
  await expect(avaThread).toHaveCount(0);
  await expect(avaParent.getByRole("button", { name: /^2 replies/ })).toBeFocused();

  // On a phone the thread is a full-screen sheet.
  await ben.page.setViewportSize({ width: 390, height: 720 });
  await expect.poll(async () => benThread.boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 720 });
  // The sheet hides the page: Tab and Shift+Tab go round inside it, never to the links out of sight behind it.
  await benBox.focus();
  for (const key of ["Tab", "Tab", "Tab", "Tab", "Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab"]) {
    await ben.page.keyboard.press(key);
    expect(await benThread.evaluate((sheet) => sheet.contains(document.activeElement)), `focus after ${key}`).toBe(true);
  }
  await ben.page.getByRole("button", { name: "Close thread" }).click();
  await expect(benThread).toHaveCount(0);

  // Elsewhere in the app, the mention's bell entry opens the conversation at the parent message, its thread open.
  await ben.page.setViewportSize({ width: 1280, height: 720 });
  await ben.page.goto("/notifications");
  await ben.page.getByRole("button", { name: /^Notifications/ }).click();
  await ben.page.getByRole("dialog", { name: "Notifications" }).getByRole("link").filter({ hasText: `${ava.name} mentioned you` }).click();
  await expect(ben.page).toHaveURL(new RegExp(`${path}\\?seq=\\d+&thread=[0-9a-f-]{36}$`));
  await expect(benThread.getByRole("list", { name: "Replies" }).getByRole("listitem").nth(1)).toContainText("Thanks @");
  await expect(messageBy(ben.page, ava.name, "Who brings the tent?")).toBeVisible();
  await Promise.all([ava.context.close(), ben.context.close()]);
});

/** Whether the bell lists an entry titled `title`, and read or not: opens the bell, looks, and closes it again. */
async function bellEntryState(page: Page, title: string): Promise<"missing" | "unread" | "read"> {
  await page.getByRole("button", { name: /^Notifications/ }).click();
  const panel = page.getByRole("dialog", { name: "Notifications" });
  await expect(panel.getByLabel("Loading notifications")).toHaveCount(0);
  const entry = panel.getByRole("listitem").filter({ hasText: title });
  const text = (await entry.count()) > 0 ? ((await entry.first().textContent()) ?? "") : null;
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  return text === null ? "missing" : text.includes("(unread)") ? "unread" : "read";
}
