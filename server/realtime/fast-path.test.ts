import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpWithCookie } from "@/server/accounts/test-users";
import { listenLocally, type LocalHttpServer } from "@/server/testing/local-http-server";

/**
 * POST /api/realtime/auth through the self-hosted fast path (a real node:http
 * server running server/web/listener.ts, as server/web/main.ts does),
 * with real sessions: the same answers as the Next route
 * (server/platform/realtime-routes.test.ts covers the rules through it).
 */
let server: LocalHttpServer | undefined;
let baseUrl: string;
let db: typeof import("@/server/platform/db").db;
let alice: { id: string; cookie: string };

beforeAll(async () => {
  Object.assign(process.env, { PUSHER_APP_ID: "fast-path-test", PUSHER_APP_KEY: "fast-path-key", PUSHER_APP_SECRET: "fast-path-secret" });
  const { answerBeforeNext } = await import("@/server/web/listener");
  ({ db } = await import("@/server/platform/db"));
  server = await listenLocally((request, response) => answerBeforeNext(request, response, () => response.writeHead(404).end("not the fast path")));
  baseUrl = server.base;
  alice = await signUpWithCookie("Alice");
});

afterAll(async () => {
  await server?.close();
  await db?.$disconnect();
});

function authorize(body: string, { cookie, contentType = "application/x-www-form-urlencoded" }: { cookie?: string; contentType?: string } = {}) {
  return fetch(`${baseUrl}/api/realtime/auth`, { method: "POST", headers: { "content-type": contentType, ...(cookie ? { cookie } : {}) }, body });
}

describe("POST /api/realtime/auth before Next", () => {
  it("signs the user's own channel, in form or JSON encoding", async () => {
    const channel = `private-user-${alice.id}`;
    const form = await authorize(new URLSearchParams({ socket_id: "123.456", channel_name: channel }).toString(), { cookie: alice.cookie });
    expect(form.status).toBe(200);
    expect(((await form.json()) as { auth: string }).auth).toMatch(/^fast-path-key:[0-9a-f]{64}$/);
    const json = await authorize(JSON.stringify({ socket_id: "123.456", channel_name: channel }), { cookie: alice.cookie, contentType: "application/json" });
    expect(json.status).toBe(200);
  });

  it("refuses with 403 without a session and for someone else's channel, 400 when malformed, 413 when oversized", async () => {
    const own = new URLSearchParams({ socket_id: "1.2", channel_name: `private-user-${alice.id}` }).toString();
    expect((await authorize(own)).status).toBe(403);
    expect((await authorize(new URLSearchParams({ socket_id: "1.2", channel_name: "private-user-someone-else" }).toString(), { cookie: alice.cookie })).status).toBe(403);
    expect((await authorize(new URLSearchParams({ socket_id: "1.2", channel_name: "private-chat-not-mine" }).toString(), { cookie: alice.cookie })).status).toBe(403);
    expect((await authorize("socket_id=nope&channel_name=private-x", { cookie: alice.cookie })).status).toBe(400);
    expect((await authorize(`socket_id=1.2&channel_name=${"x".repeat(5_000)}`, { cookie: alice.cookie })).status).toBe(413);
  });
});
