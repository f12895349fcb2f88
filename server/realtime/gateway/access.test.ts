import { afterEach, describe, expect, it } from "vitest";
import {
  appPath,
  closeEverything,
  connectClient,
  nextEvent,
  openRawClient,
  recordEvents,
  serverSdk,
  startGateway,
  subscribed,
  TEST_APP_ORIGIN,
  type TestGateway,
} from "./gateway-test-kit";
import { signChannelAuth } from "./signature";

/**
 * The gateway serves one app and one app only: its key, its id, its secret, and
 * pages of its own origins. Security issue 11: with the old public default
 * secret anyone could sign their own subscriptions and publishes.
 */

afterEach(closeEverything);

/** The secret every installation used to share; an attacker's first guess. */
const GUESSED_SECRET = "casebook-secret";

async function rawConnected(target: TestGateway, origin?: string) {
  const client = await openRawClient(target.gateway.port, appPath(target.app.key), origin === undefined ? {} : { origin });
  const established = await client.nextFrame("pusher:connection_established");
  return { client, socketId: (JSON.parse(established.data as string) as { socket_id: string }).socket_id };
}

describe("app credentials", () => {
  it("refuses a WebSocket for another app key with 4001", async () => {
    const target = await startGateway();
    const client = await openRawClient(target.gateway.port, appPath("casebook-key"));

    expect((await client.nextFrame("pusher:error")).data).toMatchObject({ code: 4001 });
    expect((await client.closed).code).toBe(4001);
  });

  it("refuses subscriptions signed with a guessed secret, whatever the channel or presence user", async () => {
    const target = await startGateway();
    const { client, socketId } = await rawConnected(target);
    const forge = { key: target.app.key, secret: GUESSED_SECRET };
    const attempts = [
      { channel: "private-user-someone" },
      { channel: "private-chat-conversation" },
      { channel: "presence-chat-conversation", channel_data: JSON.stringify({ user_id: "someone-else" }) },
    ];

    for (const attempt of attempts) {
      client.send({ event: "pusher:subscribe", data: { ...attempt, auth: signChannelAuth(forge, socketId, attempt.channel, attempt.channel_data) } });
      const refusal = await client.nextFrame("pusher:subscription_error");
      expect(refusal.channel).toBe(attempt.channel);
      expect(refusal.data).toMatchObject({ type: "AuthError", status: 401 });
    }
    expect(client.frames.filter((frame) => frame.event === "pusher_internal:subscription_succeeded")).toEqual([]);
  });

  it("refuses a publish signed with a guessed secret and delivers nothing", async () => {
    const target = await startGateway();
    const listener = await connectClient(target);
    const inbox = await subscribed(listener, "private-user-victim");
    const seen = recordEvents(inbox, "notification");

    const forged = serverSdk(target, { secret: GUESSED_SECRET }).trigger("private-user-victim", "notification", { text: "forged" });
    await expect(forged).rejects.toMatchObject({ status: 401 });

    // Nothing arrived before a genuine event published after the forged one.
    const sentinel = nextEvent(inbox, "sentinel");
    await serverSdk(target).trigger("private-user-victim", "sentinel", {});
    await sentinel;
    expect(seen).toEqual([]);
  });

  it("refuses to list channels for a guessed secret or another app id", async () => {
    const target = await startGateway();
    await subscribed(await connectClient(target), "private-user-victim");

    await expect(serverSdk(target, { secret: GUESSED_SECRET }).get({ path: "/channels" })).rejects.toMatchObject({ status: 401 });
    await expect(serverSdk(target, { id: "casebook" }).get({ path: "/channels" })).rejects.toMatchObject({ status: 401 });
    const genuine = await serverSdk(target).get({ path: "/channels" });
    expect(await genuine.json()).toEqual({ channels: { "private-user-victim": {} } });
  });

  it("answers a malformed app id or key in the path without failing", async () => {
    const target = await startGateway();
    const api = await fetch(`http://127.0.0.1:${target.gateway.port}/apps/%E0/channels`);
    expect(api.status).toBe(401);
    await expect(openRawClient(target.gateway.port, "/app/%E0?protocol=7")).rejects.toThrow(/404/);
    expect((await fetch(`http://127.0.0.1:${target.gateway.port}/health`)).status).toBe(200);
  });
});

describe("WebSocket origins", () => {
  it("refuses a page from another origin with 4009", async () => {
    const target = await startGateway();
    const client = await openRawClient(target.gateway.port, appPath(target.app.key), { origin: "http://evil.test" });

    expect((await client.nextFrame("pusher:error")).data).toMatchObject({ code: 4009 });
    expect((await client.closed).code).toBe(4009);
    expect(client.frames.some((frame) => frame.event === "pusher:connection_established")).toBe(false);
  });

  it("accepts the app's own origin and clients that send no Origin", async () => {
    const target = await startGateway();
    await rawConnected(target, TEST_APP_ORIGIN);
    await rawConnected(target);
    await connectClient(target);
  });

  it("accepts the web port on the host the client connected to, and no other port of it", async () => {
    const target = await startGateway({ allowedOrigins: { origins: [], webPort: 3999 } });
    await rawConnected(target, "http://127.0.0.1:3999");

    const otherPort = await openRawClient(target.gateway.port, appPath(target.app.key), { origin: "http://127.0.0.1:4000" });
    expect((await otherPort.closed).code).toBe(4009);
    const otherHost = await openRawClient(target.gateway.port, appPath(target.app.key), { origin: "http://attacker.test:3999" });
    expect((await otherHost.closed).code).toBe(4009);
  });
});
