import { expect, test, type Page } from "./support/test";
import { arrive, composer, conversationChannel, createGroup, messageAction, messageBy, messages, openGroup, send, parseFrame, sidebarRow } from "./support/chat";

/**
 * Chat groups end to end, each person freshly signed up in a browser context
 * of their own: a group made in "New group" appears live for its members; the
 * admin renames it, adds someone and removes someone (who is told and loses
 * it); members reply, react, edit and delete, each change shown live on the
 * other side; message search opens a hit in context; and the image lightbox
 * works from the keyboard.
 */
test.describe.configure({ timeout: 90_000 });


// A 1×1 PNG, enough for the server to sniff, re-encode and thumbnail.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

test("an admin creates a group, renames it, adds and removes people: members see each change live", async ({ browser, baseURL }) => {
  const [ava, ben, cleo] = await Promise.all([arrive(browser, baseURL, "Ava"), arrive(browser, baseURL, "Ben"), arrive(browser, baseURL, "Cleo")]);
  for (const member of [ben, cleo]) {
    await member.page.goto("/chat");
    await expect(member.page.getByText("No conversations yet")).toBeVisible();
    await member.subscribed("private-user-");
  }

  // Ava makes "Hike <tag>" with Ben: it appears in Ben's sidebar without a reload, Cleo's stays empty.
  const name = `Hike ${ava.username.split("_")[1]}`;
  const path = await createGroup(ava, name, [ben]);
  await expect(ava.page.getByTestId("presence")).toHaveText(/^2 members/);
  const benRow = sidebarRow(ben.page, name);
  await expect(benRow).toBeVisible();
  await expect(cleo.page.getByText("No conversations yet")).toBeVisible();
  await benRow.click();
  await expect(ben.page).toHaveURL((url) => url.pathname === path);
  await ben.subscribed(conversationChannel(path));
  await send(ava.page, "Welcome, Ben");
  await expect(messageBy(ben.page, ava.name, "Welcome, Ben")).toBeVisible();

  // Ben is no admin: no rename or remove controls for him.
  await ben.page.getByRole("button", { name: "Members", exact: true }).click();
  const benDialog = ben.page.getByRole("dialog", { name: `${name} · 2 members` });
  await expect(benDialog.getByRole("list", { name: "Members" })).toContainText(ava.name);
  await expect(benDialog.getByRole("button", { name: "Rename" })).toHaveCount(0);
  await expect(benDialog.getByRole("button", { name: /^Remove / })).toHaveCount(0);
  await benDialog.getByRole("button", { name: "Close" }).click();

  // Ava renames the group: Ben's header and sidebar follow.
  const renamed = `${name} (summit)`;
  await ava.page.getByRole("button", { name: "Members", exact: true }).click();
  const avaDialog = ava.page.getByRole("dialog", { name: `${name} · 2 members` });
  await avaDialog.getByLabel("Group name").fill(renamed);
  await avaDialog.getByRole("button", { name: "Rename" }).click();
  await expect(ben.page.getByRole("heading", { name: renamed, exact: true })).toBeVisible();
  await expect(sidebarRow(ben.page, renamed)).toBeVisible();

  // Ava adds Cleo: the group appears in Cleo's sidebar, Ben's header counts 3.
  const renamedDialog = ava.page.getByRole("dialog", { name: `${renamed} · 2 members` });
  await renamedDialog.getByLabel("Search people").fill(cleo.username);
  await renamedDialog.getByRole("button", { name: `Add ${cleo.name}` }).click();
  await expect(ava.page.getByRole("dialog", { name: `${renamed} · 3 members` }).getByRole("list", { name: "Members" })).toContainText(cleo.name);
  await expect(sidebarRow(cleo.page, renamed)).toBeVisible();
  await expect(ben.page.getByTestId("presence")).toHaveText(/^3 members/);

  // Ava removes Ben, who has the group open: he is told, sent back to his (now empty) list, and cannot reopen it.
  await ava.page.getByRole("dialog", { name: `${renamed} · 3 members` }).getByRole("button", { name: `Remove ${ben.name}` }).click();
  const afterRemoval = ava.page.getByRole("dialog", { name: `${renamed} · 2 members` }).getByRole("list", { name: "Members" });
  await expect(afterRemoval).toContainText(cleo.name);
  await expect(afterRemoval).not.toContainText(ben.name);
  await expect(ben.page.getByRole("status").filter({ hasText: "You were removed from this conversation" })).toBeVisible();
  await expect(ben.page).toHaveURL((url) => url.pathname === "/chat");
  await expect(ben.page.getByText("No conversations yet")).toBeVisible();
  await ben.page.goto(path);
  await expect(ben.page.getByRole("alert").filter({ hasText: "This conversation is not available" })).toBeVisible();

  // Cleo, still in, sees the group with two members.
  await sidebarRow(cleo.page, renamed).click();
  await expect(cleo.page.getByTestId("presence")).toHaveText(/^2 members/);

  await Promise.all([ava, ben, cleo].map((member) => member.context.close()));
});

test("members reply, react, edit and delete: the other side sees each change live", async ({ browser, baseURL }) => {
  const [ava, ben] = await Promise.all([arrive(browser, baseURL, "Ava"), arrive(browser, baseURL, "Ben")]);
  const path = await createGroup(ava, `Map ${ava.username.split("_")[1]}`, [ben]);
  await ava.subscribed(conversationChannel(path));
  await openGroup(ben, path);
  await send(ava.page, "Who brings the map?");

  // Ben replies to it: Ava sees his answer quoting her question.
  const questionForBen = messageBy(ben.page, ava.name, "Who brings the map?");
  const questionForAva = messageBy(ava.page, "You", "Who brings the map?");
  await messageAction(questionForBen, "Reply");
  await expect(ben.page.getByText(`Replying to ${ava.name}`)).toBeVisible();
  await send(ben.page, "I will bring it");
  const reply = messageBy(ava.page, ben.name, "I will bring it");
  await expect(reply).toContainText("Who brings the map?");
  await expect(reply).toContainText("You");

  // Ben reacts with 👍: Ava sees one; she adds hers and Ben sees two, his included.
  await questionForBen.hover();
  await questionForBen.getByRole("button", { name: "React", exact: true }).click();
  await ben.page.getByRole("menu", { name: "React" }).getByRole("menuitem", { name: "React with 👍" }).click();
  const avaChip = questionForAva.getByRole("list", { name: "Reactions" }).getByRole("button", { name: "👍 1", exact: true });
  await expect(avaChip).toBeVisible();
  await avaChip.click();
  await expect(questionForAva.getByRole("button", { name: "👍 2, including you" })).toBeVisible();
  await expect(questionForBen.getByRole("button", { name: "👍 2, including you" })).toBeVisible();

  // Ava edits her question: Ben sees the new text, marked edited.
  await messageAction(questionForAva, "Edit");
  const editBox = ava.page.getByRole("textbox", { name: "Edit message" });
  await editBox.fill("Who brings the big map?");
  await editBox.press("Enter");
  const edited = messageBy(ben.page, ava.name, "Who brings the big map?");
  await expect(edited).toBeVisible();
  await expect(edited).toContainText("edited");

  // Ben deletes his reply (confirming first): Ava sees "message deleted" where it was.
  await messageAction(messageBy(ben.page, "You", "I will bring it"), "Delete");
  await ben.page.getByRole("dialog", { name: "Delete this message?" }).getByRole("button", { name: "Delete" }).click();
  await expect(messageBy(ava.page, ben.name, "message deleted")).toBeVisible();
  await expect(messages(ava.page).getByText("I will bring it")).toHaveCount(0);
  await expect(messageBy(ben.page, "You", "message deleted")).toBeVisible();

  await Promise.all([ava.context.close(), ben.context.close()]);
});

test("message search finds a word and opens the message in context", async ({ browser, baseURL }) => {
  const [ava, ben] = await Promise.all([arrive(browser, baseURL, "Ava"), arrive(browser, baseURL, "Ben")]);
  const group = `Trip ${ava.username.split("_")[1]}`;
  const path = await createGroup(ava, group, [ben]);

  // The hit is the second of 36 messages: the newest page (30) does not hold it.
  const lines = ["We meet at the station", "Bring a quokka costume for the parade", "Tickets are booked"];
  for (let filler = 1; filler <= 33; filler += 1) lines.push(`Plan item ${filler}`);
  for (const line of lines) {
    await composer(ava.page).fill(line);
    await composer(ava.page).press("Enter");
  }
  await expect(messageBy(ava.page, "You", "Plan item 33").getByRole("img", { name: /^(Sent|Delivered|Read)$/ })).toBeVisible();

  await ben.page.goto("/chat");
  await ben.page.getByRole("searchbox", { name: "Search messages" }).fill("quokka");
  const hit = ben.page.getByRole("list", { name: "Search results" }).getByRole("link");
  await expect(hit).toHaveCount(1);
  // The result names the conversation, then who wrote it: "Trip … · 4:13 PM · Ava Chat: Bring a quokka costume …".
  await expect(hit).toContainText(group);
  await expect(hit).toContainText(`${ava.name}: Bring a quokka costume`);
  await expect(hit.locator("mark")).toHaveText("quokka");
  await hit.click();

  // Ben sees it with its neighbours, not the newest messages, until he jumps to the latest.
  await expect(ben.page).toHaveURL((url) => url.pathname === path && url.searchParams.has("seq"));
  await expect(messageBy(ben.page, ava.name, "Bring a quokka costume")).toBeInViewport();
  await expect(messageBy(ben.page, ava.name, "We meet at the station")).toBeVisible();
  await expect(messageBy(ben.page, ava.name, "Tickets are booked")).toBeVisible();
  await expect(messageBy(ben.page, ava.name, "Plan item 33")).toHaveCount(0);
  await ben.page.getByRole("button", { name: "Jump to latest ↓" }).click();
  await expect(messageBy(ben.page, ava.name, "Plan item 33")).toBeInViewport();

  await Promise.all([ava.context.close(), ben.context.close()]);
});

test("an image sent to the group opens in a lightbox and closes again from the keyboard", async ({ browser, baseURL }) => {
  const [ava, ben] = await Promise.all([arrive(browser, baseURL, "Ava"), arrive(browser, baseURL, "Ben")]);
  const path = await createGroup(ava, `Photos ${ava.username.split("_")[1]}`, [ben]);
  await ava.page.getByLabel("Attach files").setInputFiles({ name: "summit.png", mimeType: "image/png", buffer: PNG });
  await expect(ava.page.getByRole("list", { name: "Attachments" }).getByText(/Ready/)).toBeVisible();
  await ava.page.getByRole("button", { name: "Send" }).click();
  await expect(ava.page.getByRole("button", { name: "Open image summit.png" })).toBeVisible();

  await ben.page.goto(path);
  const thumbnail = ben.page.getByRole("button", { name: "Open image summit.png" });
  await thumbnail.focus();
  await ben.page.keyboard.press("Enter");
  const lightbox = ben.page.getByRole("dialog", { name: "summit.png" });
  await expect(lightbox.getByRole("img", { name: "summit.png" })).toBeVisible();
  await ben.page.keyboard.press("Escape");
  await expect(lightbox).toBeHidden();
  await expect(thumbnail).toBeFocused();

  await Promise.all([ava.context.close(), ben.context.close()]);
});

/**
 * Passes the gateway's frames to the page except Chat's "removed" notice, as a tampered client would: then
 * only the gateway can cut the page off. Returns the page's sockets in order, each with the channels the
 * gateway confirmed on it.
 */
async function ignoreRemovalNotices(page: Page): Promise<Array<Set<string>>> {
  const sockets: Array<Set<string>> = [];
  await page.routeWebSocket(/\/app\/[^/?]+\?/, (ws) => {
    const confirmed = new Set<string>();
    sockets.push(confirmed);
    const server = ws.connectToServer();
    server.onMessage((message) => {
      const frame = parseFrame(message.toString());
      if (frame?.event === "chat.removed") return;
      if (frame?.event === "pusher_internal:subscription_succeeded" && frame.channel) confirmed.add(frame.channel);
      ws.send(message);
    });
  });
  return sockets;
}

test("a removed member's open page stops receiving the group's messages, even if it ignores the notice", async ({ browser, baseURL }) => {
  // Two sign-ups and two groups before the removal: 84 s on a heavily loaded 2-core box, so more room than the file's 90 s.
  test.setTimeout(150_000);
  const [ava, ben] = await Promise.all([arrive(browser, baseURL, "Ava"), arrive(browser, baseURL, "Ben")]);
  const bensSockets = await ignoreRemovalNotices(ben.page);
  const tag = ava.username.split("_")[1];
  const [plans, lunch] = [`Plans ${tag}`, `Lunch ${tag}`];
  const plansPath = await createGroup(ava, plans, [ben]);
  const lunchPath = await createGroup(ava, lunch, [ben]);
  const confirmedOnLatest = (path: string) => bensSockets.at(-1)?.has(conversationChannel(path)) ?? false;

  // Ben has Plans open; his sidebar listens to Lunch as well.
  await ben.page.goto(plansPath);
  await expect(composer(ben.page)).toBeVisible();
  await expect.poll(() => confirmedOnLatest(plansPath) && confirmedOnLatest(lunchPath)).toBe(true);
  const socketsBefore = bensSockets.length;

  await ava.page.goto(plansPath);
  await ava.page.getByRole("button", { name: "Members", exact: true }).click();
  await ava.page.getByRole("dialog", { name: `${plans} · 2 members` }).getByRole("button", { name: `Remove ${ben.name}` }).click();
  await expect(ava.page.getByRole("dialog").getByRole("list", { name: "Members" })).not.toContainText(ben.name);
  await ava.page.keyboard.press("Escape");

  // His connection is closed by the gateway; the page reconnects and gets Lunch back, never Plans.
  await expect.poll(() => bensSockets.length > socketsBefore && confirmedOnLatest(lunchPath)).toBe(true);
  await send(ava.page, "After Ben left");
  await ava.page.goto(lunchPath);
  await send(ava.page, `Sentinel ${tag}`);

  await expect(sidebarRow(ben.page, lunch)).toContainText(`Sentinel ${tag}`);
  await expect(ben.page).toHaveURL((url) => url.pathname === plansPath);
  await expect(messageBy(ben.page, ava.name, "After Ben left")).toHaveCount(0);
  expect(confirmedOnLatest(plansPath)).toBe(false);

  await Promise.all([ava, ben].map((member) => member.context.close()));
});
