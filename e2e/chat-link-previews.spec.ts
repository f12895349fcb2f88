import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./support/test";
import { arrive, conversationChannel, createGroup, messageAction, messageBy, openGroup, send } from "./support/chat";

/**
 * Link previews (issue 16): a message or thread reply with a link gets a card
 * with the page's title and description, fetched by the worker and pushed to
 * everyone in the conversation; editing the link changes or removes the card. The page is served by this spec on 127.0.0.1, which the test
 * stack lets the fetcher reach (PREVIEW_FETCH_ALLOW_PRIVATE, off by default).
 */
test.describe.configure({ timeout: 120_000 });

let server: http.Server;
let base = "";

test.beforeAll(async () => {
  server = http.createServer((request, response) => {
    const tag = new URL(request.url ?? "/", "http://page").searchParams.get("tag") ?? "";
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(`<!doctype html><html><head><title>Plain title</title>
<meta property="og:title" content="Ridge trail ${tag}"><meta property="og:description" content="Twelve kilometres along the ridge">
<meta property="og:site_name" content="Trails"></head><body>Trail</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

test("a message with a link shows the page's preview card to everyone, live", async ({ browser, baseURL }) => {
  const [ava, ben] = await Promise.all([arrive(browser, baseURL, "Ava"), arrive(browser, baseURL, "Ben")]);
  const tag = ava.username.split("_")[1] ?? "";
  const path = await createGroup(ava, `Hikes ${tag}`, [ben]);
  await ava.subscribed(conversationChannel(path));
  await openGroup(ben, path);

  const text = `Tomorrow: ${base}/trail?tag=${tag}`;
  await send(ava.page, text);
  for (const [page, author] of [
    [ben.page, ava.name],
    [ava.page, "You"],
  ] as const) {
    const card = messageBy(page, author, "Tomorrow:").getByRole("link", { name: `Link preview: Ridge trail ${tag}` });
    await expect(card).toBeVisible();
    await expect(card).toContainText("Twelve kilometres along the ridge");
    await expect(card).toContainText(new URL(base).host);
    await expect(card).toHaveAttribute("href", `${base}/trail?tag=${tag}`);
  }

  // It is stored with the message: a fresh page shows it too.
  await ben.page.reload();
  await expect(messageBy(ben.page, ava.name, "Tomorrow:").getByRole("link", { name: `Link preview: Ridge trail ${tag}` })).toBeVisible();
  await Promise.all([ava.context.close(), ben.context.close()]);
});

test("a thread reply gets its card, and editing a message's link replaces or removes its card", async ({ browser, baseURL }) => {
  const [ava, ben] = await Promise.all([arrive(browser, baseURL, "Ava"), arrive(browser, baseURL, "Ben")]);
  const tag = ava.username.split("_")[1] ?? "";
  const path = await createGroup(ava, `Routes ${tag}`, [ben]);
  await ava.subscribed(conversationChannel(path));
  await openGroup(ben, path);
  await send(ava.page, "Which route on Sunday?");

  // Ben answers in the thread with a link: the card shows in both open panels.
  await messageAction(messageBy(ava.page, "You", "Which route on Sunday?"), "Reply in thread");
  await messageAction(messageBy(ben.page, ava.name, "Which route on Sunday?"), "Reply in thread");
  const benBox = ben.page.getByRole("complementary", { name: "Thread" }).getByRole("textbox", { name: "Reply in thread" });
  await benBox.fill(`This one ${base}/trail?tag=reply-${tag}`);
  await benBox.press("Enter");
  for (const page of [ava.page, ben.page]) {
    const card = page.getByRole("complementary", { name: "Thread" }).getByRole("listitem").getByRole("link", { name: `Link preview: Ridge trail reply-${tag}` });
    await expect(card).toBeVisible();
    await expect(card).toHaveAttribute("href", `${base}/trail?tag=reply-${tag}`);
  }
  await ava.page.getByRole("button", { name: "Close thread" }).click();

  // Ava posts a link, then edits it to another: Ben's card follows; then she removes the link and the card goes.
  await send(ava.page, `Meet at ${base}/trail?tag=first-${tag}`);
  const benMessage = messageBy(ben.page, ava.name, "Meet at");
  await expect(benMessage.getByRole("link", { name: `Link preview: Ridge trail first-${tag}` })).toBeVisible();
  const edit = async (text: string) => {
    await messageAction(messageBy(ava.page, "You", "Meet at"), "Edit");
    const editBox = ava.page.getByRole("textbox", { name: "Edit message" });
    await editBox.fill(text);
    await editBox.press("Enter");
    await expect(editBox).toHaveCount(0);
  };
  await edit(`Meet at ${base}/trail?tag=second-${tag} instead`);
  await expect(benMessage.getByRole("link", { name: `Link preview: Ridge trail second-${tag}` })).toBeVisible();
  await expect(benMessage.getByRole("link", { name: /^Link preview: / })).toHaveCount(1);
  await edit("Meet at the station");
  await expect(benMessage).toContainText("edited");
  await expect(benMessage.getByRole("link", { name: /^Link preview: / })).toHaveCount(0);
  await expect(messageBy(ava.page, "You", "Meet at the station").getByRole("link", { name: /^Link preview: / })).toHaveCount(0);
  await Promise.all([ava.context.close(), ben.context.close()]);
});
