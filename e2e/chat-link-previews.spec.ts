import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./support/test";
import { arrive, conversationChannel, createGroup, messageBy, openGroup, send } from "./support/chat";

/**
 * Link previews (issue 16): a message with a link gets a card with the page's
 * title and description, fetched by the worker and pushed to everyone in the
 * conversation. The page is served by this spec on 127.0.0.1, which the test
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
