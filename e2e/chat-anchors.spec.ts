import { expect, test, type Locator, type Page } from "./support/test";
import { arrive, composer, conversationChannel, createGroup, messageAction, messageBy, openGroup, send, sidebarRow, type Member } from "./support/chat";

/**
 * What Slack and WhatsApp users expect of Chat (issue 16): any emoji as a
 * reaction or in a message from a full picker that stays inside the window;
 * a "New messages" line at the first unread; muting a conversation; and
 * @mentions completed from the members, which reach the mentioned person
 * even in a muted conversation.
 */
test.describe.configure({ timeout: 120_000 });

/** The picker's search box and an emoji button inside its shadow root (Playwright's locators pierce open shadow roots). */
async function pickEmoji(picker: Locator, search: string, emoji: string): Promise<void> {
  await picker.getByRole("searchbox").fill(search);
  await picker.getByRole("button", { name: emoji, exact: true }).first().click();
}

async function expectInsideWindow(page: Page, panel: Locator): Promise<void> {
  const viewport = page.viewportSize();
  const box = await panel.boundingBox();
  expect(box, "the panel has a box").not.toBeNull();
  if (!box || !viewport) return;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
}

test("the emoji picker reacts with any emoji and inserts into the composer, and stays inside the window", async ({ browser, baseURL }) => {
  const [ava, ben] = await Promise.all([arrive(browser, baseURL, "Ava"), arrive(browser, baseURL, "Ben")]);
  const path = await createGroup(ava, `Emoji ${ava.username.split("_")[1]}`, [ben]);
  await ava.subscribed(conversationChannel(path));
  await openGroup(ben, path);
  await send(ava.page, "Pick an emoji for this");

  // Ben reacts to Ava's message with 🦄 (not one of the quick six), on a phone and on a wide screen.
  const incoming = messageBy(ben.page, ava.name, "Pick an emoji for this");
  for (const width of [390, 1280]) {
    await ben.page.setViewportSize({ width, height: 720 });
    await incoming.hover();
    await incoming.getByRole("button", { name: "React", exact: true }).click();
    await ben.page.getByRole("menu", { name: "React" }).getByRole("menuitem", { name: "More emoji…" }).click();
    const picker = ben.page.getByRole("dialog", { name: "Pick a reaction" });
    await expect(picker.getByRole("searchbox")).toBeVisible();
    await expectInsideWindow(ben.page, picker);
    if (width === 390) {
      await ben.page.keyboard.press("Escape");
      await expect(picker).toHaveCount(0);
    } else {
      await pickEmoji(picker, "unicorn", "🦄");
      await expect(picker).toHaveCount(0);
    }
    // Closed either way, the picker gives focus back to the button it was opened from.
    await expect(incoming.getByRole("button", { name: "React", exact: true })).toBeFocused();
  }
  await expect(incoming.getByRole("button", { name: "🦄 1, including you" })).toBeVisible();
  await expect(messageBy(ava.page, "You", "Pick an emoji for this").getByRole("button", { name: "🦄 1" })).toBeVisible();

  // Ava writes with the picker: the emoji goes in at the caret, and the message arrives with it.
  await composer(ava.page).fill("Launch day");
  await composer(ava.page).press("Home");
  await ava.page.getByRole("button", { name: "Add emoji" }).click();
  const composerPicker = ava.page.getByRole("dialog", { name: "Emoji picker" });
  await expectInsideWindow(ava.page, composerPicker);
  await pickEmoji(composerPicker, "rocket", "🚀");
  await expect(composer(ava.page)).toHaveValue("🚀Launch day");
  await expect(composer(ava.page)).toBeFocused();
  await composer(ava.page).press("Enter");
  await expect(messageBy(ben.page, ava.name, "🚀Launch day")).toBeVisible();
  await Promise.all([ava.context.close(), ben.context.close()]);
});

test("a muted group stays quiet but for @mentions, which autocomplete; reopening it shows where the new messages start", async ({ browser, baseURL }) => {
  const [ava, ben] = await Promise.all([arrive(browser, baseURL, "Ava"), arrive(browser, baseURL, "Ben")]);
  const group = `Quiet ${ava.username.split("_")[1]}`;
  const path = await createGroup(ava, group, [ben]);
  await ava.subscribed(conversationChannel(path));
  const toast = (text: string) => ben.page.getByRole("status").filter({ hasText: text });

  // Not muted yet: a message in the group, open elsewhere, pops a toast for Ben.
  await ben.page.goto("/chat");
  await ben.subscribed(conversationChannel(path));
  await send(ava.page, "Before the mute");
  await expect(toast("Before the mute")).toContainText(`${ava.name} in ${group}`);

  // Ben reads the group and mutes it: the sidebar marks it.
  await sidebarRow(ben.page, group).click();
  await expect(messageBy(ben.page, ava.name, "Before the mute")).toBeVisible();
  const mute = ben.page.getByRole("button", { name: "Mute conversation" });
  await mute.click();
  await expect(mute).toHaveAttribute("aria-pressed", "true");
  await expect(sidebarRow(ben.page, group).getByRole("img", { name: "Muted" })).toBeVisible();

  // Muted: the message reaches his sidebar, and no toast comes with it.
  await ben.page.goto("/chat");
  await ben.subscribed(conversationChannel(path));
  await send(ava.page, "Muted news");
  await expect(sidebarRow(ben.page, group)).toContainText("Muted news");
  await expect(toast("Muted news")).toHaveCount(0);

  // Ava mentions Ben, picking him from the list that "@" opens: he is notified all the same.
  await composer(ava.page).pressSequentially(`Look @${ben.username.slice(0, 4)}`);
  const suggestions = ava.page.getByRole("listbox", { name: "Mention someone" });
  await expect(suggestions.getByRole("option", { name: new RegExp(ben.name) })).toHaveAttribute("aria-selected", "true");
  await composer(ava.page).press("Enter");
  await expect(composer(ava.page)).toHaveValue(`Look @${ben.username} `);
  await expect(suggestions).toHaveCount(0);
  await composer(ava.page).pressSequentially("at the plan");
  await composer(ava.page).press("Enter");
  await expect(messageBy(ava.page, "You", `Look @${ben.username} at the plan`)).toBeVisible();
  await expect(toast(`${ava.name} mentioned you`)).toBeVisible();
  await ben.page.getByRole("button", { name: /^Notifications/ }).click();
  await expect(ben.page.getByRole("dialog", { name: "Notifications" }).getByRole("listitem").filter({ hasText: `${ava.name} mentioned you` })).toBeVisible();
  await ben.page.keyboard.press("Escape");

  // Reopened, the group shows "New messages" just above the first one Ben has not read.
  await sidebarRow(ben.page, group).click();
  const divider = ben.page.getByRole("separator", { name: "New messages" });
  await expect(divider).toBeVisible();
  await expect(ben.page.locator('[role="separator"][aria-label="New messages"] + li')).toContainText("Muted news");
  await expect(messageBy(ben.page, ava.name, "Before the mute")).toBeVisible();
  await Promise.all([ava.context.close(), ben.context.close()]);
});

test("the sidebar keeps every message sent while its list loads or refetches", async ({ browser, baseURL }) => {
  const [ava, ben] = await Promise.all([arrive(browser, baseURL, "Ava"), arrive(browser, baseURL, "Ben")]);
  const tag = ava.username.split("_")[1] ?? "";
  const [plans, later] = [`Plans ${tag}`, `Later ${tag}`];
  const path = await createGroup(ava, plans, [ben]);
  await ava.subscribed(conversationChannel(path));

  // Ben's conversation-list answers, held while `holding`: each is read from the server at once and reaches his
  // page only when the test releases it, so a message can be sent between the list's read and its arrival.
  let holding = true;
  const held: Array<() => void> = [];
  await ben.page.route(
    (url) => url.pathname.startsWith("/api/trpc/") && url.pathname.includes("chat.list"),
    async (route) => {
      if (!holding) return route.continue();
      const response = await route.fetch();
      await new Promise<void>((release) => held.push(release));
      await route.fulfill({ response });
    },
  );

  // The list is read before Ava's message and arrives after it, before Ben's page listens to the group: the
  // sidebar catches up once the group's channel is confirmed.
  await ben.page.goto("/chat");
  await expect.poll(() => held.length).toBe(1);
  await send(ava.page, `First ${tag}`);
  holding = false;
  held[0]?.();
  await expect(sidebarRow(ben.page, plans)).toContainText(`First ${tag}`);
  await ben.subscribed("private-user-");

  // A refetch (Ava adds Ben to another group) reads the list before her next message in the first group and
  // arrives after its live update: the older preview must not come back. Later answers stay held, so nothing
  // else can repair it.
  holding = true;
  await createGroup(ava, later, [ben]);
  await expect.poll(() => held.length).toBe(2);
  await openGroup(ava, path);
  await send(ava.page, `Second ${tag}`);
  await expect(sidebarRow(ben.page, plans)).toContainText(`Second ${tag}`);
  held[1]?.();
  await expect(sidebarRow(ben.page, later)).toBeVisible();
  await expect(sidebarRow(ben.page, plans)).toContainText(`Second ${tag}`);
  await expect(sidebarRow(ben.page, plans)).not.toContainText(`First ${tag}`);

  holding = false;
  for (const release of held) release();
  await ben.page.unrouteAll({ behavior: "ignoreErrors" });
  await Promise.all([ava.context.close(), ben.context.close()]);
});

test("message search narrows to one person and one conversation", async ({ browser, baseURL }) => {
  const [ava, ben] = await Promise.all([arrive(browser, baseURL, "Ava"), arrive(browser, baseURL, "Ben")]);
  const tag = ava.username.split("_")[1] ?? "";
  const [trip, lunch] = [`Trip ${tag}`, `Lunch ${tag}`];
  const tripPath = await createGroup(ava, trip, [ben]);
  await openGroup(ben, tripPath);
  await send(ava.page, `walrus${tag} tickets`);
  await send(ben.page, `walrus${tag} snacks`);
  await createGroup(ava, lunch, [ben]);
  await send(ava.page, `walrus${tag} soup`);

  await ava.page.getByRole("searchbox", { name: "Search messages" }).fill(`walrus${tag}`);
  const results = ava.page.getByRole("list", { name: "Search results" }).getByRole("listitem");
  await expect(results).toHaveCount(3);
  await ava.page.getByRole("combobox", { name: "From" }).selectOption({ label: ben.name });
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText(`walrus${tag} snacks`);
  await ava.page.getByRole("combobox", { name: "From" }).selectOption({ label: "Anyone" });
  await ava.page.getByRole("combobox", { name: "In" }).selectOption({ label: lunch });
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText(`walrus${tag} soup`);
  await ava.page.getByRole("combobox", { name: "From" }).selectOption({ label: "You" });
  await expect(results).toHaveCount(1);
  await ava.page.getByRole("combobox", { name: "In" }).selectOption({ label: trip });
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText(`walrus${tag} tickets`);
  await Promise.all([ava.context.close(), ben.context.close()]);
});

test("any member pins a message: the header lists it for everyone and opens the conversation at it", async ({ browser, baseURL }) => {
  const [ava, ben] = await Promise.all([arrive(browser, baseURL, "Ava"), arrive(browser, baseURL, "Ben")]);
  const path = await createGroup(ava, `Pins ${ava.username.split("_")[1]}`, [ben]);
  await ava.subscribed(conversationChannel(path));
  await openGroup(ben, path);
  await send(ava.page, "Meeting at noon");
  await send(ava.page, "Bring the map");

  // Ben pins Ava's message from its menu; both see it marked.
  await messageAction(messageBy(ben.page, ava.name, "Meeting at noon"), "Pin");
  await expect(messageBy(ben.page, ava.name, "Meeting at noon")).toContainText("pinned");
  await expect(messageBy(ava.page, "You", "Meeting at noon")).toContainText("pinned");

  // Ava finds it under the header's pin and jumps to it.
  const pinnedButton = ava.page.getByRole("button", { name: /^Pinned messages/ });
  await expect(pinnedButton).toHaveAccessibleName("Pinned messages 1");
  await pinnedButton.click();
  await ava.page.getByRole("dialog", { name: "Pinned messages" }).getByRole("link", { name: /Meeting at noon/ }).click();
  await expect(ava.page).toHaveURL((url) => url.pathname === path && url.searchParams.get("seq") === "1");
  await expect(messageBy(ava.page, "You", "Meeting at noon")).toBeInViewport();

  // Unpinned by Ava, it leaves Ben's list too.
  await messageAction(messageBy(ava.page, "You", "Meeting at noon"), "Unpin");
  await ben.page.getByRole("button", { name: /^Pinned messages/ }).click();
  await expect(ben.page.getByRole("dialog", { name: "Pinned messages" })).toContainText("No pinned messages yet");
  await expect(messageBy(ben.page, ava.name, "Meeting at noon")).not.toContainText("pinned");
  await Promise.all([ava.context.close(), ben.context.close()]);
});

/** "New message" from `from` to `to`; resolves with the DM's path once `from` has it open. */
async function startDirectMessage(from: Member, to: Member): Promise<string> {
  await from.page.goto("/chat");
  await from.page.getByRole("button", { name: "New message" }).first().click();
  await from.page.getByLabel("Search people").fill(to.username);
  await from.page.getByRole("button", { name: `Message ${to.name}` }).click();
  await expect(from.page).toHaveURL(/\/chat\/[^/?]+$/);
  await expect(composer(from.page)).toBeVisible();
  return new URL(from.page.url()).pathname;
}

test("messages in the conversation on screen raise no toast and leave no unread bell entry", async ({ browser, baseURL }) => {
  const [ava, ben, cam] = await Promise.all([arrive(browser, baseURL, "Ava"), arrive(browser, baseURL, "Ben"), arrive(browser, baseURL, "Cam")]);
  const path = await startDirectMessage(ava, ben);
  await ava.subscribed(conversationChannel(path));
  await openGroup(ben, path);
  // Toasts go as fast as they come: keep the title of every one Ben's page shows.
  await ben.page.evaluate(() => {
    const seen: string[] = [];
    Object.assign(window, { seenToasts: seen });
    new MutationObserver(() => {
      for (const toast of document.querySelectorAll('[aria-relevant="additions"] > [role="status"]')) {
        const text = toast.textContent ?? "";
        if (!seen.includes(text)) seen.push(text);
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  const seenToasts = () => ben.page.evaluate(() => (window as unknown as { seenToasts: string[] }).seenToasts);

  await send(ava.page, "Are you reading this?");
  await expect(messageBy(ben.page, ava.name, "Are you reading this?")).toBeVisible();

  // Cam writes to Ben elsewhere: that toast and bell entry come, so Ben's notifications are flowing.
  await startDirectMessage(cam, ben);
  await send(cam.page, "Lunch?");
  await expect.poll(seenToasts).toContainEqual(expect.stringContaining(`New message from ${cam.name}`));
  expect(await seenToasts()).not.toContainEqual(expect.stringContaining(`New message from ${ava.name}`));
  await ben.page.getByRole("button", { name: /^Notifications/ }).click();
  const panel = ben.page.getByRole("dialog", { name: "Notifications" });
  const unread = (name: string) => panel.getByRole("listitem").filter({ hasText: `New message from ${name}` }).filter({ hasText: "(unread)" });
  await expect(unread(cam.name)).toBeVisible();
  await expect(unread(ava.name)).toHaveCount(0);
  await Promise.all([ava.context.close(), ben.context.close(), cam.context.close()]);
});
