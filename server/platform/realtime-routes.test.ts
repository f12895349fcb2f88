import PusherClient, { type Channel } from "pusher-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpWithCookie } from "@/server/accounts/test-users";
import { closeEverything, nextEvent, startGatewayForApp, type TestGateway } from "@/server/realtime/gateway/gateway-test-kit";
import type { SessionUser } from "./auth";

/**
 * app/api/realtime/{auth,config}: pusher-js (Node build) against a real
 * gateway, authorizing through the real route with a real session cookie.
 * env.ts reads PUSHER_* at import, so app modules load once the gateway runs.
 */
let target: TestGateway;
let authRoute: typeof import("@/app/api/realtime/auth/route");
let configRoute: typeof import("@/app/api/realtime/config/route");
let userAuthRoute: typeof import("@/app/api/realtime/user-auth/route");
let channelAccess: typeof import("./channel-access");
let db: typeof import("./db").db;
let alice: { id: string; cookie: string };
let bob: { id: string; cookie: string };
const clients: PusherClient[] = [];

beforeAll(async () => {
  target = await startGatewayForApp();
  authRoute = await import("@/app/api/realtime/auth/route");
  configRoute = await import("@/app/api/realtime/config/route");
  userAuthRoute = await import("@/app/api/realtime/user-auth/route");
  channelAccess = await import("./channel-access");
  ({ db } = await import("./db"));
  [alice, bob] = await Promise.all([signUpWithCookie("Alice"), signUpWithCookie("Bob")]);
});

afterAll(async () => {
  for (const client of clients) client.disconnect();
  await closeEverything();
  await db?.$disconnect();
});

function authorize(fields: Record<string, string>, cookie?: string): Promise<Response> {
  return authRoute.POST(
    new Request("http://localhost/api/realtime/auth", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...(cookie ? { cookie } : {}) },
      body: new URLSearchParams(fields),
    }),
  );
}

/** A pusher-js client configured from the config route, authorizing through the auth route as `cookie`. */
async function browserLikeClient(cookie: string): Promise<PusherClient> {
  const config = (await configRoute.GET(new Request("http://127.0.0.1/api/realtime/config")).json()) as {
    key: string;
    cluster: string;
    wsHost: string;
    wsPort: number;
    forceTLS: boolean;
    enabledTransports: Array<"ws" | "wss">;
  };
  const client = new PusherClient(config.key, {
    ...config,
    channelAuthorization: {
      customHandler: ({ socketId, channelName }, callback) => {
        void authorize({ socket_id: socketId, channel_name: channelName }, cookie).then(async (response) => {
          if (response.ok) callback(null, (await response.json()) as { auth: string });
          else callback(new Error(`auth refused with ${response.status}`), null);
        });
      },
    },
    userAuthentication: {
      customHandler: ({ socketId }, callback) => {
        void authenticateUser({ socket_id: socketId }, cookie).then(async (response) => {
          if (response.ok) callback(null, (await response.json()) as { auth: string; user_data: string });
          else callback(new Error(`user auth refused with ${response.status}`), null);
        });
      },
    },
  });
  clients.push(client);
  await new Promise<void>((resolve) => client.connection.bind("connected", () => resolve()));
  return client;
}

function subscriptionOutcome(channel: Channel): Promise<"subscribed" | "refused"> {
  return new Promise((resolve) => {
    channel.bind("pusher:subscription_succeeded", () => resolve("subscribed"));
    channel.bind("pusher:subscription_error", () => resolve("refused"));
  });
}

describe("GET /api/realtime/config", () => {
  it("hands the browser its pusher-js settings at request time", async () => {
    const response = configRoute.GET(new Request("http://casebook.test:3000/api/realtime/config"));
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      key: target.app.key,
      cluster: "",
      // The gateway is configured as loopback, so the browser is sent to the host it used for the page.
      wsHost: "casebook.test",
      wsPort: target.gateway.port,
      wssPort: target.gateway.port,
      forceTLS: false,
      enabledTransports: ["ws"],
    });
  });
});

describe("POST /api/realtime/auth", () => {
  it("signs a user's own private channel", async () => {
    const response = await authorize({ socket_id: "123.456", channel_name: `private-user-${alice.id}` }, alice.cookie);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { auth: string };
    expect(body.auth).toMatch(new RegExp(`^${target.app.key}:[0-9a-f]{64}$`));
  });

  it("refuses someone else's channel, unknown families, public channels and anonymous callers with 403 JSON", async () => {
    const refusals: Array<[Record<string, string>, string | undefined]> = [
      [{ socket_id: "123.456", channel_name: `private-user-${bob.id}` }, alice.cookie],
      [{ socket_id: "123.456", channel_name: `private-user-${alice.id}x` }, alice.cookie],
      [{ socket_id: "123.456", channel_name: "private-chat-general" }, alice.cookie],
      [{ socket_id: "123.456", channel_name: "presence-lobby" }, alice.cookie],
      [{ socket_id: "123.456", channel_name: `private-encrypted-user-${alice.id}` }, alice.cookie],
      [{ socket_id: "123.456", channel_name: "public-news" }, alice.cookie],
      [{ socket_id: "123.456", channel_name: `private-user-${alice.id}` }, undefined],
      [{ socket_id: "123.456", channel_name: `private-user-${alice.id}` }, "better-auth.session_token=forged"],
    ];
    for (const [fields, cookie] of refusals) {
      const response = await authorize(fields, cookie);
      expect(response.status, JSON.stringify(fields)).toBe(403);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("FORBIDDEN");
    }
  });

  it("answers 400 to malformed requests", async () => {
    const malformed: Array<Record<string, string>> = [
      { channel_name: `private-user-${alice.id}` },
      { socket_id: "abc", channel_name: `private-user-${alice.id}` },
      { socket_id: "1.2", channel_name: "bad name!" },
    ];
    for (const fields of malformed) {
      expect((await authorize(fields, alice.cookie)).status, JSON.stringify(fields)).toBe(400);
    }
  });

  it("lets pusher-js subscribe to the user's channel through the real gateway, and receive events", async () => {
    const client = await browserLikeClient(alice.cookie);
    const own = client.subscribe(`private-user-${alice.id}`);
    expect(await subscriptionOutcome(own)).toBe("subscribed");
    const foreign = client.subscribe(`private-user-${bob.id}`);
    expect(await subscriptionOutcome(foreign)).toBe("refused");

    const { publishToUser } = await import("./realtime");
    const received = nextEvent(own, "hello");
    await publishToUser(alice.id, "hello", { to: "alice" });
    expect((await received).data).toEqual({ to: "alice" });
  });
});

function authenticateUser(fields: Record<string, string>, cookie?: string): Promise<Response> {
  return userAuthRoute.POST(
    new Request("http://localhost/api/realtime/user-auth", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...(cookie ? { cookie } : {}) },
      body: new URLSearchParams(fields),
    }),
  );
}

describe("POST /api/realtime/user-auth", () => {
  it("signs user_data for the session's user only; 403 without a session, 400 when malformed", async () => {
    const response = await authenticateUser({ socket_id: "123.456" }, alice.cookie);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { auth: string; user_data: string };
    expect(JSON.parse(body.user_data)).toEqual({ id: alice.id });
    expect(body.auth).toMatch(new RegExp(`^${target.app.key}:[0-9a-f]{64}$`));

    // Whatever the caller adds, the signed user is the session's.
    await expect((await authenticateUser({ socket_id: "123.456", id: bob.id }, alice.cookie)).json()).resolves.toMatchObject({
      user_data: JSON.stringify({ id: alice.id }),
    });
    expect((await authenticateUser({ socket_id: "123.456" })).status).toBe(403);
    expect((await authenticateUser({ socket_id: "123.456" }, "better-auth.session_token=forged")).status).toBe(403);
    expect((await authenticateUser({ socket_id: "nope" }, alice.cookie)).status).toBe(400);
  });

  it("signs pusher-js in through the real gateway; terminateUserConnections then closes that connection", async () => {
    const client = await browserLikeClient(alice.cookie);
    const signedIn = new Promise<void>((resolve) => client.bind("pusher:signin_success", () => resolve()));
    client.signin();
    await signedIn;
    expect(client.user.user_data).toEqual({ id: alice.id });
    const firstSocket = client.connection.socket_id;

    const { terminateUserConnections } = await import("./realtime");
    const closed = new Promise<unknown>((resolve) => client.connection.bind("error", resolve));
    await terminateUserConnections(alice.id);
    expect(await closed).toMatchObject({ data: { code: 4200 } });
    await expect.poll(() => client.connection.state === "connected" && client.connection.socket_id !== firstSocket).toBe(true);
  });
});

describe("canSubscribe", () => {
  const user: SessionUser = { id: "u1", name: "U", email: "u@x", username: null, image: null, role: "user" };

  it("denies by default and lets the longest matching prefix decide", async () => {
    const { canSubscribe, PLATFORM_CHANNEL_RULES } = channelAccess;
    const rules = {
      "presence-chat-": ({ id }: { id: string }) => id.startsWith("open"),
      "presence-chat-secret-": async () => false,
    };
    expect(await canSubscribe(user, "presence-chat-open-1", rules)).toBe(true);
    expect(await canSubscribe(user, "presence-chat-closed", rules)).toBe(false);
    expect(await canSubscribe(user, "presence-chat-secret-open", rules)).toBe(false);
    expect(await canSubscribe(user, "presence-chat-", rules)).toBe(false);
    expect(await canSubscribe(user, "presence-feed-1", rules)).toBe(false);
    expect(await canSubscribe(user, "private-user-u1", PLATFORM_CHANNEL_RULES)).toBe(true);
    expect(await canSubscribe(user, "private-user-u2", PLATFORM_CHANNEL_RULES)).toBe(false);
  });

  it("composes the systems' tables and refuses two claims on one prefix", () => {
    const { composeChannelRules } = channelAccess;
    const allow = () => true;
    expect(Object.keys(composeChannelRules({ "private-a-": allow }, { "private-b-": allow }))).toEqual(["private-a-", "private-b-"]);
    expect(() => composeChannelRules({ "private-a-": allow }, { "private-a-": allow })).toThrow(/private-a-/);
  });
});
