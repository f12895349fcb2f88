import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpWithCookie } from "@/server/accounts/test-users";
import { closeEverything, connectClient, eventually, recordEvents, subscribed } from "@/server/realtime/gateway/gateway-test-kit";
import { listenLocally, type LocalHttpServer } from "@/server/testing/local-http-server";
import { startChatStack, type ChatStack } from "../chat-test-kit";
import type { MessageEnvelope } from "../chat-views";

/**
 * POST /api/chat/conversations/{id}/messages through the self-hosted fast path
 * (a real node:http server running server/web/listener.ts, as server/web/main.ts
 * does) and through the Next route handler, with real sessions.
 */
const RATE_LIMIT = 5;
let chat: ChatStack;
let route: typeof import("@/app/api/chat/conversations/[conversationId]/messages/route");
let server: LocalHttpServer | undefined;
let baseUrl: string;

beforeAll(async () => {
  chat = await startChatStack({ RATE_LIMIT_CHAT_SEND_POINTS: String(RATE_LIMIT) });
  route = await import("@/app/api/chat/conversations/[conversationId]/messages/route");
  const { answerBeforeNext } = await import("@/server/web/listener");
  server = await listenLocally((request, response) => answerBeforeNext(request, response, () => response.writeHead(404).end("not the fast path")));
  baseUrl = server.base;
});

afterAll(async () => {
  await server?.close();
  await closeEverything();
  await chat?.db.$disconnect();
});

async function pair() {
  const [alice, bob, eve] = await Promise.all([signUpWithCookie("Alice"), signUpWithCookie("Bob"), signUpWithCookie("Eve")]);
  const dm = await chat.startDirectConversation({ db: chat.db, userId: alice.id, otherUserId: bob.id });
  return { alice, bob, eve, conversationId: dm.id };
}

function post(conversationId: string, body: unknown, cookie?: string, raw?: string): Promise<Response> {
  return fetch(`${baseUrl}/api/chat/conversations/${encodeURIComponent(conversationId)}/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: raw ?? JSON.stringify(body),
  });
}

async function answer(response: Response): Promise<{ status: number; json: Record<string, unknown> & { error?: { code: string } } }> {
  return { status: response.status, json: (await response.json()) as Record<string, unknown> & { error?: { code: string } } };
}

describe("POST /api/chat/conversations/{id}/messages", () => {
  it("stores the message, answers 201 with it, and publishes it to the conversation", async () => {
    const { alice, conversationId } = await pair();
    const listener = await connectClient(chat.target);
    const events = recordEvents(await subscribed(listener, `private-chat-${conversationId}`), "message") as MessageEnvelope[];

    const sent = await answer(await post(conversationId, { clientId: "c-1", body: "  hello over the fast path  " }, alice.cookie));
    expect(sent.status).toBe(201);
    expect(sent.json).toMatchObject({ conversationId, seq: 1, senderId: alice.id, clientId: "c-1", body: "hello over the fast path" });
    expect(typeof sent.json.createdAt).toBe("string");
    await eventually(() => events.length === 1, 5_000, "the message event");
    expect(events[0]).toMatchObject({ seq: 1, clientId: "c-1", senderId: alice.id });
  });

  it("answers 401 without a session and 403 to a non-member, storing nothing", async () => {
    const { eve, conversationId } = await pair();
    expect((await answer(await post(conversationId, { clientId: "x", body: "hi" }))).status).toBe(401);
    const refused = await answer(await post(conversationId, { clientId: "x", body: "hi" }, eve.cookie));
    expect(refused.status).toBe(403);
    expect(refused.json.error?.code).toBe("FORBIDDEN");
    expect((await answer(await post("no-such-conversation", { clientId: "x", body: "hi" }, eve.cookie))).status).toBe(403);
    expect(await chat.db.message.count({ where: { conversationId } })).toBe(0);
  });

  it("refuses bodies outside the limits: 400 empty or malformed, 413 too long or too large", async () => {
    const { alice, conversationId } = await pair();
    const cases: Array<[unknown, number]> = [
      [{ clientId: "e1", body: "   " }, 400],
      [{ clientId: "bad id!", body: "hi" }, 400],
      [{ body: "no client id" }, 400],
      [["not", "an", "object"], 400],
      [{ clientId: "e2", body: "x".repeat(4_001) }, 413],
    ];
    for (const [body, status] of cases) expect((await post(conversationId, body, alice.cookie)).status, JSON.stringify(body).slice(0, 60)).toBe(status);
    expect((await post(conversationId, null, alice.cookie, "{not json")).status).toBe(400);
    expect((await post(conversationId, null, alice.cookie, JSON.stringify({ clientId: "e3", body: "x".repeat(200_000) }))).status).toBe(413);
    expect(await chat.db.message.count({ where: { conversationId } })).toBe(0);
  });

  it("refuses a send forged from another origin (403) or in a body no JSON client sends (415), storing nothing", async () => {
    const { alice, conversationId } = await pair();
    const send = (headers: Record<string, string>, body = JSON.stringify({ clientId: "forged", body: "sent by a page elsewhere" })) =>
      fetch(`${baseUrl}/api/chat/conversations/${conversationId}/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: alice.cookie, ...headers },
        body,
      });
    const foreign = await answer(await send({ origin: "https://attacker.example" }));
    expect(foreign.status).toBe(403);
    expect(foreign.json.error?.code).toBe("FORBIDDEN");
    // Same site, other port: SameSite=Lax cookies travel, the origin does not match.
    expect((await send({ origin: "http://127.0.0.1:1" })).status).toBe(403);
    expect((await send({ "sec-fetch-site": "same-site" })).status).toBe(403);
    // A no-cors fetch or a plain form can only send these.
    expect((await send({ "content-type": "text/plain" })).status).toBe(415);
    expect((await send({ "content-type": "application/x-www-form-urlencoded" })).status).toBe(415);
    expect(await chat.db.message.count({ where: { conversationId } })).toBe(0);
    // Without Origin (curl, a server) or from its own origin it goes through.
    expect((await send({}, JSON.stringify({ clientId: "curl", body: "hi" }))).status).toBe(201);
    expect((await send({ origin: baseUrl }, JSON.stringify({ clientId: "own", body: "hi" }))).status).toBe(201);
  });

  it("answers a resent clientId with the stored message, even past the rate limit, which answers 429 with Retry-After", async () => {
    const { bob, conversationId } = await pair();
    const first = await answer(await post(conversationId, { clientId: "once", body: "exactly once" }, bob.cookie));
    const again = await answer(await post(conversationId, { clientId: "once", body: "exactly once" }, bob.cookie));
    expect(again.status).toBe(201);
    expect(again.json).toMatchObject({ id: first.json.id, seq: 1 });

    for (let index = 2; index < RATE_LIMIT; index++) expect((await post(conversationId, { clientId: `n${index}`, body: "more" }, bob.cookie)).status).toBe(201);
    const limited = await post(conversationId, { clientId: "too-many", body: "one too many" }, bob.cookie);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe("RATE_LIMITED");
    const retried = await answer(await post(conversationId, { clientId: "once", body: "exactly once" }, bob.cookie));
    expect(retried.json).toMatchObject({ id: first.json.id, seq: 1 });
    expect(await chat.db.message.count({ where: { conversationId } })).toBe(RATE_LIMIT - 1);
  });

  it("answers GET with history pages (?after= catches up), 401 signed out, 403 to a non-member, 400 on bad parameters", async () => {
    const { alice, bob, eve, conversationId } = await pair();
    for (const index of [1, 2, 3]) expect((await post(conversationId, { clientId: `h${index}`, body: `history ${index}` }, alice.cookie)).status).toBe(201);
    const get = (query: string, cookie?: string) =>
      fetch(`${baseUrl}/api/chat/conversations/${conversationId}/messages${query}`, { headers: cookie ? { cookie } : {} });

    const page = (await (await get("?after=1&limit=1", bob.cookie)).json()) as { messages: Array<{ seq: number; body: string; createdAt: string }>; hasNewer: boolean; lastSeq: number };
    expect(page.messages.map((message) => [message.seq, message.body])).toEqual([[2, "history 2"]]);
    expect(page).toMatchObject({ hasNewer: true, lastSeq: 3 });
    expect(typeof page.messages[0]?.createdAt).toBe("string");
    const newest = (await (await get("", bob.cookie)).json()) as { messages: Array<{ seq: number }>; hasNewer: boolean };
    expect(newest.messages.map((message) => message.seq)).toEqual([1, 2, 3]);

    expect((await get("?after=0")).status).toBe(401);
    expect((await get("?after=0", eve.cookie)).status).toBe(403);
    expect((await get("?after=-1", bob.cookie)).status).toBe(400);
    expect((await get("?limit=500", bob.cookie)).status).toBe(400);
  });

  it("is the same handler behind the Next route", async () => {
    const { alice, eve, conversationId } = await pair();
    const call = (cookie: string, body: unknown) =>
      route.POST(
        new Request(`http://localhost/api/chat/conversations/${conversationId}/messages`, {
          method: "POST",
          headers: { cookie, "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
        { params: Promise.resolve({ conversationId }) },
      );
    const sent = await call(alice.cookie, { clientId: "via-next", body: "hi" });
    expect(sent.status).toBe(201);
    expect(((await sent.json()) as { seq: number }).seq).toBe(1);
    expect((await call(eve.cookie, { clientId: "via-next", body: "hi" })).status).toBe(403);
  });
});
