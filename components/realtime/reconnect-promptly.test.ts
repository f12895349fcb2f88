import net from "node:net";
import PusherClient from "pusher-js";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { clientOptions, closeEverything, eventually, serverSdk, startGateway, type TestGateway } from "@/server/realtime/gateway/gateway-test-kit";
import { reconnectPromptly } from "./reconnect-promptly";

/**
 * The real pusher-js (Node build, the same strategy code as the browser's)
 * against a real gateway that crashes (sockets dropped, nothing said) and is
 * started again on the same port, as the supervisor of `npm start` does.
 */
const clients: PusherClient[] = [];
const servers: net.Server[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.disconnect();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  await closeEverything();
});
afterAll(closeEverything);

/** Longer than pusher-js's own retry one second after the drop, like a supervised restart on a busy machine. */
const DOWN_MS = 3_000;

/** A pusher-js client that reconnects promptly, subscribed to a private channel; records each (re)subscription. */
async function subscribedClient(target: TestGateway) {
  const signer = serverSdk(target);
  const client = new PusherClient(target.app.key, {
    ...clientOptions(target),
    channelAuthorization: { customHandler: ({ socketId, channelName }, callback) => callback(null, signer.authorizeChannel(socketId, channelName)) },
  });
  clients.push(client);
  const subscribedAt: number[] = [];
  client.subscribe("private-reconnect").bind("pusher:subscription_succeeded", () => subscribedAt.push(Date.now()));
  reconnectPromptly(client);
  await eventually(() => subscribedAt.length === 1, 5_000, "the first subscription");
  return { client, subscribedAt };
}

describe("reconnectPromptly", () => {
  it("subscribes again within a few seconds of a crashed gateway's restart (pusher-js alone: ~15 s later)", async () => {
    const first = await startGateway();
    const { client, subscribedAt } = await subscribedClient(first);

    await first.gateway.close({ releasePresence: false });
    await eventually(() => client.connection.state === "connecting", 5_000, "pusher-js noticing the drop");
    await new Promise((resolve) => setTimeout(resolve, DOWN_MS));
    await startGateway({ app: first.app, port: first.gateway.port });
    const restartedAt = Date.now();

    await eventually(() => subscribedAt.length === 2, 12_000, "the subscription after the restart");
    expect((subscribedAt[1] ?? 0) - restartedAt).toBeLessThan(4_000);
  }, 20_000);

  it("thins its attempts out while the gateway stays down", async () => {
    const target = await startGateway();
    await subscribedClient(target);

    // The gateway's port now answers every connection by dropping it: each one is an attempt, counted.
    await target.gateway.close({ releasePresence: false });
    const attempts: number[] = [];
    const refusing = net.createServer((socket) => {
      attempts.push(Date.now());
      socket.destroy();
    });
    servers.push(refusing);
    await new Promise<void>((resolve) => refusing.listen(target.gateway.port, "127.0.0.1", resolve));
    const since = Date.now();

    await eventually(() => Date.now() - since > 9_000, 10_000, "9 s of outage");
    // pusher-js's own at 1 s, then ours after 1, 1.5, 2.3 and 3.4 s (each ±25 %): 4 or 5 within 9 s.
    expect(attempts.length).toBeGreaterThanOrEqual(4);
    expect(attempts.length).toBeLessThanOrEqual(5);
    const gaps = attempts.slice(1).map((at, index) => at - (attempts[index] ?? at));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(700);
    expect(gaps.at(-1)).toBeGreaterThan(1_500);
  }, 20_000);
});
