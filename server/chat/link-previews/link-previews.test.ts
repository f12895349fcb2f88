import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeEverything, connectClient, nextEvent, subscribed } from "@/server/realtime/gateway/gateway-test-kit";
import { listenLocally, type LocalHttpServer } from "@/server/testing/local-http-server";
import { startChatStack, type ChatStack } from "../chat-test-kit";
import { firstLinkIn } from "./first-link";

/**
 * Link previews in Chat: the first link of a message, read by the platform's
 * page-preview fetcher (its own limits are tested in server/platform), cached
 * per URL, stored on the message and pushed live; the chat-link-preview job's
 * processor is this file's attachLinkPreview (server/jobs/processors.test.ts).
 */
const PAGE = `<!doctype html><html><head><title>Fallback</title>
<meta property="og:title" content="Ridge trail"><meta property="og:description" content="Twelve kilometres of ridge">
<meta property="og:image" content="https://example.com/ridge.jpg"></head><body>hello</body></html>`;

let server: LocalHttpServer;
let base = "";
const hits = new Map<string, number>();
let chat: ChatStack;
let job: typeof import("./attach-link-preview");
let fetchPagePreview: typeof import("@/server/platform/page-preview").fetchPagePreview;

beforeAll(async () => {
  server = await listenLocally((request, response) => {
    const path = new URL(request.url ?? "/", "http://page").pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path.startsWith("/trail")) response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
    else response.writeHead(404).end();
  });
  base = server.base;
  chat = await startChatStack({ RATE_LIMIT_CHAT_SEND_POINTS: "1000" });
  job = await import("./attach-link-preview");
  ({ fetchPagePreview } = await import("@/server/platform/page-preview"));
});

afterAll(async () => {
  await server?.close();
  await closeEverything();
  await chat?.db.$disconnect();
});

/** The fetcher as the test stack runs it: the local page is on loopback. */
const fetchLocal = (url: string) => fetchPagePreview(url, { allowPrivate: true });

describe("firstLinkIn", () => {
  it("finds the first http(s) link as the message text shows it", () => {
    expect(firstLinkIn("see https://example.com/a?b=1, then http://x.org")).toBe("https://example.com/a?b=1");
    expect(firstLinkIn("(https://example.com/path).")).toBe("https://example.com/path");
    expect(firstLinkIn("ftp://example.com and example.com")).toBeNull();
    expect(firstLinkIn(`https://example.com/${"a".repeat(2_000)}`)).toBeNull();
  });
});

describe("attachLinkPreview (the chat-link-preview job)", () => {
  it("stores the card on the message, pushes it live, and reads a URL once", async () => {
    const [alice, bob] = await Promise.all([chat.newUser(), chat.newUser()]);
    const dm = await chat.startDirectConversation({ db: chat.db, userId: alice.id, otherUserId: bob.id });
    const path = `/trail-${Date.now()}`;
    const url = `${base}${path}`;
    const first = await chat.send(alice.id, dm.id, `Look: ${url} tomorrow`);
    const tab = await connectClient(chat.target);
    const channel = await subscribed(tab, `private-chat-${dm.id}`);

    const live = nextEvent<{ messageId: string; seq: number; linkPreview: unknown }>(channel, "message-link-preview");
    await job.attachLinkPreview({ db: chat.db, redis: chat.redis, messageId: first.id, fetchPreview: fetchLocal });
    const card = { url, title: "Ridge trail", description: "Twelve kilometres of ridge", image: "https://example.com/ridge.jpg" };
    expect((await live).data).toEqual({ conversationId: dm.id, messageId: first.id, seq: first.seq, linkPreview: card });
    const history = await chat.getHistory({ db: chat.db, userId: bob.id, input: chat.GetHistoryInput.parse({ conversationId: dm.id }) });
    expect(history.messages[0]?.linkPreview).toEqual(card);

    // Another message with the same link: from the cache, not fetched again.
    const second = await chat.send(bob.id, dm.id, `Same ${url}`);
    expect(await job.attachLinkPreview({ db: chat.db, redis: chat.redis, messageId: second.id, fetchPreview: fetchLocal })).toEqual(card);
    expect(hits.get(path)).toBe(1);
  });

  it("leaves a message without a card when the page gives none or may not be fetched, and a deleted one alone", async () => {
    const [alice, bob] = await Promise.all([chat.newUser(), chat.newUser()]);
    const dm = await chat.startDirectConversation({ db: chat.db, userId: alice.id, otherUserId: bob.id });
    const missing = await chat.send(alice.id, dm.id, `${base}/missing-${Date.now()}`);
    expect(await job.attachLinkPreview({ db: chat.db, redis: chat.redis, messageId: missing.id, fetchPreview: fetchLocal })).toBeNull();
    // The worker's job as configured by default reads no page on this network (SSRF).
    const loopbackPath = `/trail-refused-${Date.now()}`;
    const loopback = await chat.send(alice.id, dm.id, `${base}${loopbackPath}`);
    const { processors } = await import("@/server/jobs/processors");
    await processors["chat-link-preview"]({ messageId: loopback.id }, { timestamp: Date.now() });
    expect(hits.get(loopbackPath)).toBeUndefined();
    const deleted = await chat.send(alice.id, dm.id, `${base}/trail-deleted-${Date.now()}`);
    await chat.deleteMessage({ db: chat.db, storage: chat.storage, userId: alice.id, messageId: deleted.id });
    expect(await job.attachLinkPreview({ db: chat.db, redis: chat.redis, messageId: deleted.id, fetchPreview: fetchLocal })).toBeNull();
    const rows = await chat.db.message.findMany({ where: { id: { in: [missing.id, loopback.id, deleted.id] } }, select: { linkPreview: true } });
    expect(rows.map((row) => row.linkPreview)).toEqual([null, null, null]);
  });
});
