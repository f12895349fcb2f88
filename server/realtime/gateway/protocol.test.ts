import { afterEach, describe, expect, it } from "vitest";
import { appPath, closeEverything, openRawClient, serverSdk, startGateway } from "./gateway-test-kit";
import { signChannelAuth } from "./signature";

/** Wire-level behaviour, checked with a raw WebSocket so every frame and close code is visible. */

afterEach(closeEverything);

async function connected(port: number, key: string) {
  const client = await openRawClient(port, appPath(key));
  const established = await client.nextFrame("pusher:connection_established");
  const { socket_id: socketId } = JSON.parse(established.data as string) as { socket_id: string };
  return { client, socketId };
}

describe("connection", () => {
  it("hands out a socket id and the activity timeout, as a JSON string", async () => {
    const { gateway, app } = await startGateway({ activityTimeoutSeconds: 42 });
    const client = await openRawClient(gateway.port, appPath(app.key));
    const established = await client.nextFrame("pusher:connection_established");

    expect(typeof established.data).toBe("string");
    const data = JSON.parse(established.data as string) as { socket_id: string; activity_timeout: number };
    expect(data.socket_id).toMatch(/^\d+\.\d+$/);
    expect(data.activity_timeout).toBe(42);
  });

  it("refuses an unknown app key with 4001", async () => {
    const { gateway } = await startGateway();
    const client = await openRawClient(gateway.port, appPath("no-such-key"));

    const error = await client.nextFrame("pusher:error");
    expect(error.data).toMatchObject({ code: 4001 });
    expect((await client.closed).code).toBe(4001);
  });

  it("refuses other protocol versions with 4007", async () => {
    const { gateway, app } = await startGateway();
    const client = await openRawClient(gateway.port, appPath(app.key, 6));

    expect((await client.nextFrame("pusher:error")).data).toMatchObject({ code: 4007 });
    expect((await client.closed).code).toBe(4007);
  });

  it("answers pusher:ping with pusher:pong", async () => {
    const { gateway, app } = await startGateway();
    const { client } = await connected(gateway.port, app.key);

    client.send({ event: "pusher:ping", data: {} });
    await client.nextFrame("pusher:pong");
  });

  it("pings a silent client, then closes it with 4201 when no pong comes", async () => {
    const { gateway, app } = await startGateway({ activityTimeoutSeconds: 0.2, idleGraceSeconds: 0.1, pongTimeoutSeconds: 0.3 });
    const { client } = await connected(gateway.port, app.key);

    await client.nextFrame("pusher:ping", 2_000);
    expect((await client.closed).code).toBe(4201);
  });

  it("keeps a client that answers the ping, and pings it again after the next quiet spell", async () => {
    // A second ping only goes out once the pong cleared the first; the long pong timeout keeps slow machines out of it.
    const { gateway, app } = await startGateway({ activityTimeoutSeconds: 0.2, idleGraceSeconds: 0.1, pongTimeoutSeconds: 5 });
    const { client } = await connected(gateway.port, app.key);

    await client.nextFrame("pusher:ping", 2_000);
    client.send({ event: "pusher:pong", data: {} });
    await client.nextFrame("pusher:ping", 2_000);
    expect(client.socket.readyState).toBe(client.socket.OPEN);
  });
});

describe("messages", () => {
  it("rejects frames over the size limit and stays connected", async () => {
    const { gateway, app } = await startGateway({ maxMessageBytes: 1024 });
    const { client } = await connected(gateway.port, app.key);

    client.send({ event: "client-big", channel: "private-x", data: "x".repeat(2000) });
    expect((await client.nextFrame("pusher:error")).data).toMatchObject({ code: 4302 });
    client.send({ event: "pusher:ping", data: {} });
    await client.nextFrame("pusher:pong");
  });

  it("rejects frames that are not JSON", async () => {
    const { gateway, app } = await startGateway();
    const { client } = await connected(gateway.port, app.key);

    client.send("not json");
    expect((await client.nextFrame("pusher:error")).data).toMatchObject({ code: 4300 });
  });

  it("rate-limits client events per connection with 4301", async () => {
    const target = await startGateway({ clientEventsPerSecond: 3 });
    const { gateway, app } = target;
    const sender = await connected(gateway.port, app.key);
    const receiver = await connected(gateway.port, app.key);
    for (const { client, socketId } of [sender, receiver]) {
      client.send({ event: "pusher:subscribe", data: { channel: "private-room", auth: signChannelAuth(app, socketId, "private-room") } });
      await client.nextFrame("pusher_internal:subscription_succeeded");
    }

    for (let index = 0; index < 5; index += 1) {
      sender.client.send({ event: "client-tick", channel: "private-room", data: { index } });
    }

    expect((await sender.client.nextFrame("pusher:error")).data).toMatchObject({ code: 4301 });
    // The three allowed went out before the refusal; an event published now arrives after them.
    await serverSdk(target).trigger("private-room", "sentinel", {});
    await receiver.client.nextFrame("sentinel");
    expect(receiver.client.frames.filter((frame) => frame.event === "client-tick")).toHaveLength(3);
  });

  it("answers a subscription with a wrong signature with pusher:subscription_error, status 401", async () => {
    const { gateway, app } = await startGateway();
    const { client, socketId } = await connected(gateway.port, app.key);

    const forged = signChannelAuth({ key: app.key, secret: "guessed" }, socketId, "private-secret");
    client.send({ event: "pusher:subscribe", data: { channel: "private-secret", auth: forged } });

    const error = await client.nextFrame("pusher:subscription_error");
    expect(error.channel).toBe("private-secret");
    expect(error.data).toMatchObject({ type: "AuthError", status: 401 });
  });

  it("rejects a presence subscription whose channel_data was changed after signing", async () => {
    const { gateway, app } = await startGateway();
    const { client, socketId } = await connected(gateway.port, app.key);

    const signedFor = JSON.stringify({ user_id: "alice" });
    const auth = signChannelAuth(app, socketId, "presence-room", signedFor);
    client.send({
      event: "pusher:subscribe",
      data: { channel: "presence-room", auth, channel_data: JSON.stringify({ user_id: "mallory" }) },
    });

    expect((await client.nextFrame("pusher:subscription_error")).data).toMatchObject({ status: 401 });
  });
});
