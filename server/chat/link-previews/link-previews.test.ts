import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeEverything, connectClient, nextEvent, subscribed } from "@/server/realtime/gateway/gateway-test-kit";
import { listenLocally, type LocalHttpServer } from "@/server/testing/local-http-server";
import { startChatStack, type ChatStack } from "../chat-test-kit";
import { firstLinkIn } from "./first-link";

/**
 * Link previews in Chat: the first link of a message or thread reply, read by
 * the platform's page-preview fetcher (its own limits are tested in
 * server/platform), cached per URL, stored on it and pushed live, and kept in
 * step with edits; the chat-link-preview job's processor is this file's
 * attachLinkPreview (server/jobs/processors.test.ts).
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
    await job.attachLinkPreview({ db: chat.db, redis: chat.redis, target: { messageId: first.id }, fetchPreview: fetchLocal });
    const card = { url, title: "Ridge trail", description: "Twelve kilometres of ridge", image: "https://example.com/ridge.jpg" };
    expect((await live).data).toEqual({ conversationId: dm.id, messageId: first.id, seq: first.seq, linkPreview: card });
    const history = await chat.getHistory({ db: chat.db, userId: bob.id, input: chat.GetHistoryInput.parse({ conversationId: dm.id }) });
    expect(history.messages[0]?.linkPreview).toEqual(card);

    // Another message with the same link: from the cache, not fetched again.
    const second = await chat.send(bob.id, dm.id, `Same ${url}`);
    expect(await job.attachLinkPreview({ db: chat.db, redis: chat.redis, target: { messageId: second.id }, fetchPreview: fetchLocal })).toEqual(card);
    expect(hits.get(path)).toBe(1);
  });

  it("leaves a message without a card when the page gives none or may not be fetched, and a deleted one alone", async () => {
    const [alice, bob] = await Promise.all([chat.newUser(), chat.newUser()]);
    const dm = await chat.startDirectConversation({ db: chat.db, userId: alice.id, otherUserId: bob.id });
    const missing = await chat.send(alice.id, dm.id, `${base}/missing-${Date.now()}`);
    expect(await job.attachLinkPreview({ db: chat.db, redis: chat.redis, target: { messageId: missing.id }, fetchPreview: fetchLocal })).toBeNull();
    // The worker's job as configured by default reads no page on this network (SSRF).
    const loopbackPath = `/trail-refused-${Date.now()}`;
    const loopback = await chat.send(alice.id, dm.id, `${base}${loopbackPath}`);
    const { processors } = await import("@/server/jobs/processors");
    await processors["chat-link-preview"]({ messageId: loopback.id }, { timestamp: Date.now() });
    expect(hits.get(loopbackPath)).toBeUndefined();
    const deleted = await chat.send(alice.id, dm.id, `${base}/trail-deleted-${Date.now()}`);
    await chat.deleteMessage({ db: chat.db, storage: chat.storage, userId: alice.id, messageId: deleted.id });
    expect(await job.attachLinkPreview({ db: chat.db, redis: chat.redis, target: { messageId: deleted.id }, fetchPreview: fetchLocal })).toBeNull();
    const rows = await chat.db.message.findMany({ where: { id: { in: [missing.id, loopback.id, deleted.id] } }, select: { linkPreview: true } });
    expect(rows.map((row) => row.linkPreview)).toEqual([null, null, null]);
  });
});

describe("link previews of thread replies and edited messages", () => {
  const cardOf = (url: string) => ({ url, title: "Ridge trail", description: "Twelve kilometres of ridge", image: "https://example.com/ridge.jpg" });

  it("gives a thread reply its card, stored with the reply and pushed to open thread panels", async () => {
    const { replyInThread, ReplyInThreadInput } = await import("../threads/reply-in-thread");
    const { getThread } = await import("../threads/get-thread");
    const [alice, bob] = await Promise.all([chat.newUser(), chat.newUser()]);
    const group = await chat.createGroup({ db: chat.db, userId: alice.id, name: "Trails", memberIds: [bob.id] });
    const parent = await chat.send(alice.id, group.id, "Where to?");
    const url = `${base}/trail-reply-${Date.now()}`;
    const pending: Array<Promise<void>> = [];
    const reply = await replyInThread({ db: chat.db, senderId: bob.id, input: ReplyInThreadInput.parse({ messageId: parent.id, clientId: randomUUID(), body: `This one: ${url}` }), defer: (task) => pending.push(task()) });
    await Promise.all(pending);
    expect(reply.linkPreview).toBeNull();
    const tab = await connectClient(chat.target);
    const channel = await subscribed(tab, `private-chat-${group.id}`);

    const live = nextEvent<{ parentId: string; replyId: string; linkPreview: unknown }>(channel, "thread-reply-link-preview");
    expect(await job.attachLinkPreview({ db: chat.db, redis: chat.redis, target: { replyId: reply.id }, fetchPreview: fetchLocal })).toEqual(cardOf(url));
    expect((await live).data).toEqual({ conversationId: group.id, parentId: parent.id, replyId: reply.id, linkPreview: cardOf(url) });
    const thread = await getThread({ db: chat.db, userId: alice.id, messageId: parent.id });
    expect(thread.replies[0]?.linkPreview).toEqual(cardOf(url));
  });

  it("keeps a card while an edit keeps the link, replaces it when the link changes, and removes it with the link", async () => {
    const [alice, bob] = await Promise.all([chat.newUser(), chat.newUser()]);
    const dm = await chat.startDirectConversation({ db: chat.db, userId: alice.id, otherUserId: bob.id });
    const first = `${base}/trail-edit-a-${Date.now()}`;
    const second = `${base}/trail-edit-b-${Date.now()}`;
    const message = await chat.send(alice.id, dm.id, `See ${first}`);
    await job.attachLinkPreview({ db: chat.db, redis: chat.redis, target: { messageId: message.id }, fetchPreview: fetchLocal });
    const tab = await connectClient(chat.target);
    const channel = await subscribed(tab, `private-chat-${dm.id}`);
    const edit = async (body: string) => {
      const pending: Array<Promise<void>> = [];
      const view = await chat.editMessage({ db: chat.db, userId: alice.id, messageId: message.id, body, defer: (task) => pending.push(task()) });
      await Promise.all(pending);
      return view;
    };
    const stored = async () => (await chat.db.message.findUniqueOrThrow({ where: { id: message.id }, select: { linkPreview: true } })).linkPreview;

    // Other words, the same link: the card stays, on the answer and on the live event.
    let live = nextEvent<{ linkPreview: unknown }>(channel, "message-edited");
    expect((await edit(`Look at ${first} again`)).linkPreview).toEqual(cardOf(first));
    expect((await live).data.linkPreview).toEqual(cardOf(first));

    // Another link: the old card goes at once and the new one comes from the job.
    live = nextEvent<{ linkPreview: unknown }>(channel, "message-edited");
    expect((await edit(`Rather ${second}`)).linkPreview).toBeNull();
    expect((await live).data.linkPreview).toBeNull();
    expect(await stored()).toBeNull();
    expect(await job.attachLinkPreview({ db: chat.db, redis: chat.redis, target: { messageId: message.id }, fetchPreview: fetchLocal })).toEqual(cardOf(second));
    expect(await stored()).toEqual(cardOf(second));

    // No link left: no card, and the job finds nothing to read.
    expect((await edit("Never mind")).linkPreview).toBeNull();
    expect(await stored()).toBeNull();
    expect(await job.attachLinkPreview({ db: chat.db, redis: chat.redis, target: { messageId: message.id }, fetchPreview: fetchLocal })).toBeNull();
  });

  it("does not store a card read for text that an edit replaced meanwhile", async () => {
    const [alice, bob] = await Promise.all([chat.newUser(), chat.newUser()]);
    const dm = await chat.startDirectConversation({ db: chat.db, userId: alice.id, otherUserId: bob.id });
    const url = `${base}/trail-race-${Date.now()}`;
    const message = await chat.send(alice.id, dm.id, `Race ${url}`);
    // The edit lands while the job is reading the page.
    const editWhileFetching = async (target: string) => {
      await chat.editMessage({ db: chat.db, userId: alice.id, messageId: message.id, body: "No link any more", defer: () => {} });
      return fetchLocal(target);
    };
    expect(await job.attachLinkPreview({ db: chat.db, redis: chat.redis, target: { messageId: message.id }, fetchPreview: editWhileFetching })).toBeNull();
    expect((await chat.db.message.findUniqueOrThrow({ where: { id: message.id }, select: { linkPreview: true } })).linkPreview).toBeNull();
  });
});
