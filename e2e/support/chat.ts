import { expect, type Browser, type BrowserContext, type Locator, type Page } from "./test";
import { newPerson, openContext, signUp, type Person } from "./people";

/**
 * Chat groups in the browser, for the chat specs: people who arrive watching
 * their realtime subscriptions, a group made through "New group", and finding
 * messages, rows and the composer as a reader sees them.
 */
export type Member = Person & { context: BrowserContext; page: Page; subscribed: (channelPrefix: string) => Promise<void> };

/** Signs `first` up, watching subscriptions from the start: the page's one realtime socket opens on its first chat page. */
export async function arrive(browser: Browser, baseURL: string | undefined, first: string): Promise<Member> {
  const person = newPerson(first);
  const { context, page } = await openContext(browser, baseURL);
  const subscribed = watchSubscriptions(page);
  await signUp(page, person);
  return { ...person, context, page, subscribed };
}

/**
 * Records the channels the gateway confirms to the page and returns a wait for
 * one: a push published before the confirmation never reaches the page (only
 * new messages are caught up afterwards), so acting earlier races the assertion.
 */
function watchSubscriptions(page: Page): (channelPrefix: string) => Promise<void> {
  let confirmed = new Set<string>();
  page.on("websocket", (socket) => {
    const ofThisSocket = new Set<string>();
    confirmed = ofThisSocket;
    socket.on("framereceived", ({ payload }) => {
      const frame = parseFrame(payload.toString());
      if (frame?.event === "pusher_internal:subscription_succeeded" && frame.channel) ofThisSocket.add(frame.channel);
    });
  });
  // A new document (page.goto, reload) replaces the socket, and the old one may still be reported open when the new
  // document has loaded (whether its close is seen before domcontentloaded depends on the order of two browser events):
  // from the navigation's request on, only the next socket's confirmations answer. Client-side navigations keep the
  // socket and make no navigation request.
  page.on("request", (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) confirmed = new Set();
  });
  return (channelPrefix) => expect.poll(() => [...confirmed].some((channel) => channel.startsWith(channelPrefix))).toBe(true);
}

export function parseFrame(text: string): { event?: string; channel?: string } | null {
  try {
    return JSON.parse(text) as { event?: string; channel?: string };
  } catch {
    return null;
  }
}

export const conversationChannel = (conversationPath: string) => `private-chat-${conversationPath.split("/").at(-1)}`;
export const sidebarRow = (page: Page, name: string) => page.getByRole("navigation", { name: "Conversations" }).getByRole("link").filter({ hasText: name });
export const messages = (page: Page) => page.getByRole("list", { name: "Messages" });
/** A message by its author as `page`'s reader sees them ("You" for their own) and some of its text. */
// The item's text runs the bubble into its time: "Plan item 3" + "3:56 PM" reads as "Plan item 33" between 3 and 4
// o'clock, in the item's whole text (`hasText`) and in any element that holds both (`getByText`, which failed a run at
// 3:40 AM). So the text must be found in an element without the time.
export const messageBy = (page: Page, author: string, text: string) =>
  messages(page)
    .getByRole("listitem", { name: new RegExp(`^${author}, `) })
    .filter({ has: page.getByText(text).and(page.locator(":not(:has(time))")) });
export const composer = (page: Page) => page.getByRole("textbox", { name: /^Message / });

export async function send(page: Page, text: string): Promise<void> {
  await composer(page).fill(text);
  await composer(page).press("Enter");
  await expect(messageBy(page, "You", text)).toBeVisible();
}

/** "New group" with `name` and `members` (found by username); resolves with the group's path once the admin is in it. */
export async function createGroup(admin: Member, name: string, members: Member[]): Promise<string> {
  await admin.page.goto("/chat");
  await admin.page.getByRole("button", { name: "New group" }).click();
  const dialog = admin.page.getByRole("dialog", { name: "New group" });
  await dialog.getByLabel("Group name").fill(name);
  for (const member of members) {
    await dialog.getByLabel("Search people").fill(member.username);
    await dialog.getByRole("button", { name: `Add ${member.name}` }).click();
    await expect(dialog.getByRole("button", { name: `Added ${member.name}` })).toHaveAttribute("aria-pressed", "true");
  }
  await dialog.getByRole("button", { name: "Create group" }).click();
  await expect(admin.page).toHaveURL(/\/chat\/[^/?]+$/);
  await expect(admin.page.getByRole("heading", { name, exact: true })).toBeVisible();
  return new URL(admin.page.url()).pathname;
}

/** Opens the group at `path` and waits until its live events reach the page. */
export async function openGroup(member: Member, path: string): Promise<void> {
  await member.page.goto(path);
  await expect(composer(member.page)).toBeVisible();
  await member.subscribed(conversationChannel(path));
}


/** Picks `action` from a message's ⋯ menu. */
export async function messageAction(item: Locator, action: "Reply" | "Reply in thread" | "Edit" | "Delete" | "Pin" | "Unpin"): Promise<void> {
  await item.hover();
  await item.getByRole("button", { name: "Message actions" }).click();
  await item.page().getByRole("menu", { name: "Message actions" }).getByRole("menuitem", { name: action, exact: true }).click();
}
