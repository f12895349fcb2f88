import { expect, test } from "./support/test";
import { arrive, conversationChannel, createGroup, messageAction, messageBy, messages, openGroup, send } from "./support/chat";

/**
 * Threads as Slack has them (issue 16): a reply in a side panel (a full-screen
 * sheet on a phone), kept out of the main timeline; the parent shows "N
 * replies" and opens the thread; both members see replies arrive live; the
 * parent's author is notified.
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

  // Ava sees "1 reply" under her message live; the reply is not in her timeline; the line opens the thread.
  const avaParent = messageBy(ava.page, "You", "Who brings the tent?");
  await expect(avaParent.getByRole("button", { name: /^1 reply, last reply / })).toBeVisible();
  await expect(messages(ava.page).getByText("I will")).toHaveCount(0);
  await avaParent.getByRole("button", { name: /^1 reply/ }).click();
  const avaThread = ava.page.getByRole("complementary", { name: "Thread" });
  await expect(avaThread.getByRole("listitem", { name: new RegExp(`^${ben.name}, `) })).toContainText("I will");

  // Ava answers in the thread: Ben's open panel shows it after his, and his count says 2.
  const avaBox = avaThread.getByRole("textbox", { name: "Reply in thread" });
  await avaBox.fill("Thanks!");
  await avaBox.press("Enter");
  const benReplies = benThread.getByRole("list", { name: "Replies" }).getByRole("listitem");
  await expect(benReplies).toHaveCount(2);
  await expect(benReplies.nth(0)).toContainText("I will");
  await expect(benReplies.nth(1)).toContainText("Thanks!");
  await expect(messageBy(ben.page, ava.name, "Who brings the tent?").getByRole("button", { name: /^2 replies/ })).toBeVisible();

  // Esc closes Ava's panel and gives focus back to the line that opened it.
  await avaBox.press("Escape");
  await expect(avaThread).toHaveCount(0);
  await expect(avaParent.getByRole("button", { name: /^2 replies/ })).toBeFocused();

  // Ava wrote the parent: Ben's reply is in her bell.
  await ava.page.getByRole("button", { name: /^Notifications/ }).click();
  await expect(ava.page.getByRole("dialog", { name: "Notifications" }).getByRole("listitem").filter({ hasText: `${ben.name} replied in your thread` })).toBeVisible();
  await ava.page.keyboard.press("Escape");

  // On a phone the thread is a full-screen sheet.
  await ben.page.setViewportSize({ width: 390, height: 720 });
  await expect.poll(async () => benThread.boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 720 });
  await ben.page.getByRole("button", { name: "Close thread" }).click();
  await expect(benThread).toHaveCount(0);
  await Promise.all([ava.context.close(), ben.context.close()]);
});
