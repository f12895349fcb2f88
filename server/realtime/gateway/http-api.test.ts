import Pusher from "pusher";
import { afterEach, describe, expect, it } from "vitest";
import {
  closeEverything,
  connectClient,
  nextEvent,
  recordEvents,
  serverSdk,
  startGateway,
  subscribed,
  type TestGateway,
} from "./gateway-test-kit";
import { hmacSha256Hex, md5Hex } from "./signature";

/** The HTTP API as the `pusher` SDK calls it, plus hand-built requests for what the SDK never sends. */

afterEach(closeEverything);

function apiUrl({ gateway, app }: TestGateway, route: string, query: string): string {
  return `http://127.0.0.1:${gateway.port}/apps/${app.id}${route}?${query}`;
}

/** Signs like the SDK but lets the test choose the timestamp. */
function signedQuery(target: TestGateway, method: string, route: string, body: string, timestamp: number): string {
  const params = `auth_key=${target.app.key}&auth_timestamp=${timestamp}&auth_version=1.0&body_md5=${md5Hex(body)}`;
  const signature = hmacSha256Hex(target.app.secret, `${method}\n/apps/${target.app.id}${route}\n${params}`);
  return `${params}&auth_signature=${signature}`;
}

async function refusal(request: Promise<unknown>): Promise<{ status?: number; body?: string }> {
  try {
    await request;
  } catch (error) {
    if (error instanceof Pusher.RequestError) return { status: error.status, body: error.body };
    throw error;
  }
  throw new Error("the request was accepted");
}

describe("authentication", () => {
  it("answers a wrong secret with 401 and an explanation", async () => {
    const target = await startGateway();
    const { status, body } = await refusal(serverSdk(target, { secret: "wrong" }).trigger("news", "x", {}));

    expect(status).toBe(401);
    expect(body).toMatch(/^Invalid signature/);
  });

  it("answers an unknown key with 401", async () => {
    const target = await startGateway();
    expect((await refusal(serverSdk(target, { key: "other" }).trigger("news", "x", {}))).status).toBe(401);
  });

  it("answers a body that does not match body_md5 with 401", async () => {
    const target = await startGateway();
    const signedBody = JSON.stringify({ name: "x", data: "{}", channels: ["news"] });
    const query = serverSdk(target).createSignedQueryString({ method: "POST", path: `/apps/${target.app.id}/events`, body: signedBody });

    const response = await fetch(apiUrl(target, "/events", query), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "x", data: "{}", channels: ["other"] }),
    });
    expect(response.status).toBe(401);
    expect(await response.text()).toMatch(/body_md5/);
  });

  it("answers a timestamp more than 600 s off with 401", async () => {
    const target = await startGateway();
    const body = JSON.stringify({ name: "x", data: "{}", channels: ["news"] });
    const stale = Math.floor(Date.now() / 1000) - 601;

    const response = await fetch(apiUrl(target, "/events", signedQuery(target, "POST", "/events", body, stale)), { method: "POST", body });
    expect(response.status).toBe(401);
    expect(await response.text()).toMatch(/Timestamp expired/);
  });

  it("serves /health without authentication", async () => {
    const { gateway } = await startGateway();
    const response = await fetch(`http://127.0.0.1:${gateway.port}/health`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("ok");
  });
});

describe("publishing", () => {
  it("answers malformed JSON with 400", async () => {
    const target = await startGateway();
    const body = "{not json";
    const response = await fetch(apiUrl(target, "/events", signedQuery(target, "POST", "/events", body, Math.floor(Date.now() / 1000))), {
      method: "POST",
      body,
    });
    expect(response.status).toBe(400);
  });

  it("answers event data over 10 KB with 413 and delivers nothing", async () => {
    const target = await startGateway();
    const client = await connectClient(target);
    const seen = recordEvents(await subscribed(client, "news"), "big");

    const { status, body } = await refusal(serverSdk(target).trigger("news", "big", "x".repeat(10 * 1024 + 1)));
    expect(status).toBe(413);
    expect(body).toMatch(/limit is 10240/);
    expect(seen).toEqual([]);
  });

  it("delivers every event of batch_events", async () => {
    const target = await startGateway();
    const client = await connectClient(target);
    const news = await subscribed(client, "news");
    const sport = await subscribed(client, "sport");

    const both = Promise.all([nextEvent(news, "story"), nextEvent(sport, "score")]);
    await serverSdk(target).triggerBatch([
      { channel: "news", name: "story", data: { id: 1 } },
      { channel: "sport", name: "score", data: { home: 2 } },
    ]);

    const [story, score] = await both;
    expect(story.data).toEqual({ id: 1 });
    expect(score.data).toEqual({ home: 2 });
  });

  it("triggers on several channels at once and reports their info", async () => {
    const target = await startGateway();
    const client = await connectClient(target);
    const [a, b] = [await subscribed(client, "a"), await subscribed(client, "b")];

    const both = Promise.all([nextEvent(a, "e"), nextEvent(b, "e")]);
    const response = await serverSdk(target).trigger(["a", "b"], "e", { n: 1 }, { info: "subscription_count" });
    await both;
    expect(await response.json()).toEqual({ channels: { a: { subscription_count: 1 }, b: { subscription_count: 1 } } });
  });

  it("refuses reserved event names", async () => {
    const target = await startGateway();
    expect((await refusal(serverSdk(target).trigger("news", "pusher:error", {}))).status).toBe(400);
  });
});

describe("channel queries", () => {
  it("lists occupied channels and describes one", async () => {
    const target = await startGateway();
    const sdk = serverSdk(target);
    const alice = await connectClient(target, { user: { id: "alice" } });
    await subscribed(alice, "presence-lobby");
    await subscribed(alice, "news");

    const all = await sdk.get({ path: "/channels" });
    expect(await all.json()).toEqual({ channels: { news: {}, "presence-lobby": {} } });

    const presence = await sdk.get({ path: "/channels", params: { filter_by_prefix: "presence-", info: "user_count" } });
    expect(await presence.json()).toEqual({ channels: { "presence-lobby": { user_count: 1 } } });

    const one = await sdk.get({ path: "/channels/presence-lobby", params: { info: "user_count,subscription_count" } });
    expect(await one.json()).toEqual({ occupied: true, user_count: 1, subscription_count: 1 });

    const empty = await sdk.get({ path: "/channels/nobody-here" });
    expect(await empty.json()).toEqual({ occupied: false });
  });

  it("refuses user_count for non-presence channels", async () => {
    const target = await startGateway();
    expect((await refusal(serverSdk(target).get({ path: "/channels/news", params: { info: "user_count" } }))).status).toBe(400);
  });
});
