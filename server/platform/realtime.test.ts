import PusherClient from "pusher-js";
import { Redis } from "ioredis";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import {
  closeEverything,
  eventually,
  nextEvent,
  recordEvents,
  redisUrl,
  startGateway,
  type TestGateway,
} from "@/server/realtime/gateway/gateway-test-kit";
import { createRealtime, type Realtime, type RealtimeSettings, realtimeSettingsFromEnv, userChannel } from "./realtime";

let redis: Redis | undefined;
function testRedis(): Redis {
  redis ??= new Redis(redisUrl());
  return redis;
}

afterEach(closeEverything);
afterAll(async () => {
  await redis?.quit();
});

function settingsFor({ gateway, app }: TestGateway): RealtimeSettings {
  return { appId: app.id, key: app.key, secret: app.secret, host: "127.0.0.1", port: gateway.port, useTLS: false };
}

/** A browser-like pusher-js client whose auth endpoint is `realtime.authorizeChannel` for the given user. */
async function browserClient(realtime: Realtime, userId: string): Promise<PusherClient> {
  const config = realtime.clientConfig();
  const client = new PusherClient(config.key, {
    ...config,
    channelAuthorization: {
      // Answers asynchronously, as the app's HTTP auth route does, so listeners bound after subscribe() see the outcome.
      customHandler: ({ socketId, channelName }, callback) =>
        setImmediate(() => {
          try {
            callback(null, realtime.authorizeChannel({ socketId, channel: channelName, user: { id: userId, info: { name: userId } } }));
          } catch (error) {
            callback(error instanceof Error ? error : new Error(String(error)), null);
          }
        }),
    },
  });
  await new Promise<void>((resolve) => client.connection.bind("connected", () => resolve()));
  return client;
}

// Both ways of publishing: the HTTP API (Pusher Channels, Soketi, our gateway) and our gateways' Redis topics.
describe.each(["http", "redis"] as const)("createRealtime against the gateway, publishing via %s", (via) => {
  const make = (target: TestGateway, overrides: Partial<RealtimeSettings> = {}) =>
    createRealtime({ ...settingsFor(target), ...overrides }, via === "redis" ? { topics: { redis: testRedis() } } : {});

  it("publishes to a user's private channel, which only that user can join", async () => {
    const target = await startGateway();
    const realtime = make(target);
    const client = await browserClient(realtime, "u1");
    try {
      const own = client.subscribe(userChannel("u1"));
      await nextEvent(own, "pusher:subscription_succeeded");
      const received = nextEvent(own, "notification");
      await realtime.publishToUser("u1", "notification", { text: "hi" });
      expect((await received).data).toEqual({ text: "hi" });

      const other = client.subscribe(userChannel("u2"));
      const { data } = await nextEvent<{ type: string }>(other, "pusher:subscription_error");
      expect(data.type).toBe("AuthError");
    } finally {
      client.disconnect();
    }
  });

  it("authorizes presence with the user's id and info, and skips the excluded socket", async () => {
    const target = await startGateway();
    const realtime = make(target);
    const [ann, ben] = [await browserClient(realtime, "ann"), await browserClient(realtime, "ben")];
    try {
      const annChannel = ann.subscribe("presence-doc");
      await nextEvent(annChannel, "pusher:subscription_succeeded");
      const benChannel = ben.subscribe("presence-doc");
      await nextEvent(benChannel, "pusher:subscription_succeeded");
      const annSeen = recordEvents(annChannel, "edit");

      const received = nextEvent(benChannel, "edit");
      await realtime.publish("presence-doc", "edit", { v: 2 }, { excludeSocketId: ann.connection.socket_id });
      await received;
      // Events of one channel arrive in order: once a later one reached Ann, the excluded one never will.
      const sentinel = nextEvent(annChannel, "sentinel");
      await realtime.publish("presence-doc", "sentinel", {});
      await sentinel;
      expect(annSeen).toEqual([]);
    } finally {
      ann.disconnect();
      ben.disconnect();
    }
  });

  it("publishes batches larger than Pusher's per-request limit", async () => {
    const target = await startGateway();
    const realtime = make(target);
    const client = await browserClient(realtime, "u1");
    try {
      const channel = client.subscribe("feed");
      await nextEvent(channel, "pusher:subscription_succeeded");
      const seen = recordEvents(channel, "item");
      await realtime.publishBatch(Array.from({ length: 12 }, (_, index) => ({ channel: "feed", event: "item", data: { index } })));
      await eventually(() => seen.length >= 12, 3_000, "12 items");
      // Nothing more than the 12 comes before an event published after them.
      const sentinel = nextEvent(channel, "sentinel");
      await realtime.publish("feed", "sentinel", {});
      await sentinel;
      expect(seen).toEqual(Array.from({ length: 12 }, (_, index) => ({ index })));
    } finally {
      client.disconnect();
    }
  });

  it("probes the service, and reports a refusal as UNAVAILABLE", async () => {
    const target = await startGateway();
    await make(target).probe();

    const wrongSecret = make(target, { secret: "wrong" });
    await expect(wrongSecret.probe()).rejects.toMatchObject({ code: "UNAVAILABLE" });
  });

  it("reports oversized events as PAYLOAD_TOO_LARGE", async () => {
    const target = await startGateway();
    const realtime = make(target);
    await expect(realtime.publish("news", "big", "x".repeat(20_000))).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });
});

describe("REALTIME_PUBLISH_VIA=auto", () => {
  it("publishes through the topics while a gateway of the app is registered in Redis, else through the HTTP API", async () => {
    const target = await startGateway();
    // A wrong secret: the HTTP API would refuse, so an event that arrives went through Redis.
    const auto = { topics: { redis: testRedis(), whenGatewaysRegistered: true } };
    const realtime = createRealtime({ ...settingsFor(target), secret: "wrong" }, auto);
    const client = await browserClient(createRealtime(settingsFor(target)), "u1");
    try {
      const channel = client.subscribe("feed");
      await nextEvent(channel, "pusher:subscription_succeeded");
      const received = nextEvent(channel, "item");
      await realtime.publish("feed", "item", { n: 1 });
      expect((await received).data).toEqual({ n: 1 });

      const unregistered = createRealtime({ ...settingsFor(target), appId: "no-gateway-registered", secret: "wrong" }, auto);
      await expect(unregistered.publish("feed", "item", { n: 2 })).rejects.toMatchObject({ code: "UNAVAILABLE" });
    } finally {
      client.disconnect();
    }
  });
});

describe("authorizeChannel rules", () => {
  const realtime = createRealtime({ appId: "a", key: "k", secret: "s", host: "127.0.0.1", port: 6001, useTLS: false });

  it("refuses presence without a user and public channels altogether", () => {
    expect(() => realtime.authorizeChannel({ socketId: "1.2", channel: "presence-x" })).toThrow(AppError);
    expect(() => realtime.authorizeChannel({ socketId: "1.2", channel: "news" })).toThrow(AppError);
    expect(() => realtime.authorizeChannel({ socketId: "1.2", channel: userChannel("u1") })).toThrow(AppError);
  });

  it("turns malformed input into BAD_REQUEST", () => {
    expect(() => realtime.authorizeChannel({ socketId: "not-a-socket", channel: "private-x" })).toThrow(
      expect.objectContaining({ code: "BAD_REQUEST" }),
    );
  });
});

describe("client configuration", () => {
  const base = { appId: "a", key: "k", secret: "s", useTLS: false };

  it("points the browser at the gateway, on the host it used for the page when the gateway is loopback", () => {
    const realtime = createRealtime({ ...base, host: "127.0.0.1", port: 6001 });
    expect(realtime.clientConfig()).toEqual({
      key: "k",
      cluster: "",
      wsHost: "127.0.0.1",
      wsPort: 6001,
      wssPort: 6001,
      forceTLS: false,
      enabledTransports: ["ws"],
    });
    expect(realtime.clientConfig({ requestHostname: "192.168.1.20" }).wsHost).toBe("192.168.1.20");
    expect(createRealtime({ ...base, host: "gateway", port: 6001, publicHost: "rt.example.com" }).clientConfig().wsHost).toBe(
      "rt.example.com",
    );
  });

  it("leaves the host to pusher-js for Pusher Channels clusters", () => {
    const config = createRealtime({ ...base, useTLS: true, cluster: "eu" }).clientConfig();
    expect(config).toEqual({ key: "k", cluster: "eu", forceTLS: true, enabledTransports: ["ws", "wss"] });
  });

  it("defaults to the local gateway", () => {
    const settings = realtimeSettingsFromEnv();
    expect(settings.host).toBe(process.env.PUSHER_HOST ?? "127.0.0.1");
    expect(settings.port).toBeGreaterThan(0);
  });
});
