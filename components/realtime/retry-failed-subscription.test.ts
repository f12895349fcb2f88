import http from "node:http";
import type { AddressInfo } from "node:net";
import PusherClient from "pusher-js";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { clientOptions, closeEverything, eventually, pause, serverSdk, startGateway, type TestGateway } from "@/server/realtime/gateway/gateway-test-kit";
import { retryFailedSubscription } from "./retry-failed-subscription";

/**
 * The real pusher-js (Node build) against a real gateway, authorizing through
 * a real HTTP endpoint (pusher-js's own ajax transport) that answers with
 * the statuses under test before it signs.
 */
const servers: http.Server[] = [];
const clients: PusherClient[] = [];

afterEach(() => {
  for (const client of clients.splice(0)) client.disconnect();
  for (const server of servers.splice(0)) server.close();
});
afterAll(closeEverything);

async function authEndpoint(target: TestGateway, statuses: number[]) {
  const signer = serverSdk(target);
  const answered: number[] = [];
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      const status = statuses[answered.length] ?? 200;
      answered.push(status);
      if (status !== 200) {
        response.writeHead(status).end();
        return;
      }
      const form = new URLSearchParams(body);
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify(signer.authorizeChannel(form.get("socket_id") ?? "", form.get("channel_name") ?? "")));
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/auth`, answered };
}

async function subscribeThrough(target: TestGateway, endpoint: string) {
  const client = new PusherClient(target.app.key, { ...clientOptions(target), channelAuthorization: { endpoint, transport: "ajax" } });
  clients.push(client);
  await new Promise<void>((resolve) => client.connection.bind("connected", resolve));
  const channel = client.subscribe("private-retry");
  retryFailedSubscription(channel, () => client.connection.state === "connected");
  return channel;
}

describe("retryFailedSubscription", () => {
  it("asks again with back-off after failures that may pass, until the channel is subscribed", async () => {
    const target = await startGateway();
    const auth = await authEndpoint(target, [503, 429]);
    const channel = await subscribeThrough(target, auth.url);

    // 503 at once, 429 after ~1 s, signed after ~2 s more.
    await eventually(() => channel.subscribed, 8_000, "the subscription after two failures");
    expect(auth.answered).toEqual([503, 429, 200]);
  });

  it("leaves a refusal final", async () => {
    const target = await startGateway();
    const auth = await authEndpoint(target, [403]);
    const channel = await subscribeThrough(target, auth.url);

    await eventually(() => auth.answered.length === 1, 3_000, "the first authorization");
    await pause(1_500);
    expect(auth.answered).toEqual([403]);
    expect(channel.subscribed).toBe(false);
  });
});
