import type { PresenceChannel } from "pusher-js";
import { afterEach, describe, expect, it } from "vitest";
import {
  closeEverything,
  connectClient,
  eventually,
  freshApp,
  nextEvent,
  recordEvents,
  serverSdk,
  signedIn,
  socketIdOf,
  startGateway,
  subscribed,
  type TestGateway,
} from "./gateway-test-kit";

/** Several gateway processes sharing one Redis, as they run behind a load balancer. */

afterEach(closeEverything);

/** Publishes an event through `via`'s HTTP API and waits for it on `channel`: whatever `via` sent the channel before has arrived. */
async function sentinelReaches(channel: PresenceChannel, via: TestGateway): Promise<void> {
  const sentinel = nextEvent(channel, "sentinel");
  await serverSdk(via).trigger(channel.name, "sentinel", {});
  await sentinel;
}

async function usersOf(target: TestGateway, channel = "presence-room"): Promise<string[]> {
  const response = await serverSdk(target).get({ path: `/channels/${channel}/users` });
  return ((await response.json()) as { users: Array<{ id: string }> }).users.map((user) => user.id);
}

/** Short TTLs so a crashed gateway is noticed within a second. */
const FAST_PRESENCE = { presenceTtlSeconds: 0.6, heartbeatIntervalSeconds: 0.15 };

async function twoGateways(options = {}) {
  const app = freshApp();
  return [await startGateway({ app, ...options }), await startGateway({ app, ...options })] as const;
}

describe("fan-out", () => {
  it("delivers an event published to gateway A to a client on gateway B", async () => {
    const [a, b] = await twoGateways();
    expect(a.gateway.instanceId).not.toBe(b.gateway.instanceId);
    const onB = await subscribed(await connectClient(b), "news");
    const onA = await subscribed(await connectClient(a), "news");

    const received = Promise.all([nextEvent(onA, "story"), nextEvent(onB, "story")]);
    await serverSdk(a).trigger("news", "story", { id: 7 });

    const [fromA, fromB] = await received;
    expect(fromA.data).toEqual({ id: 7 });
    expect(fromB.data).toEqual({ id: 7 });
  });

  it("relays client events across gateways", async () => {
    const [a, b] = await twoGateways();
    const sender = await subscribed(await connectClient(a), "private-pair");
    const receiver = await subscribed(await connectClient(b), "private-pair");

    const received = nextEvent(receiver, "client-ping");
    sender.trigger("client-ping", { at: 1 });
    expect((await received).data).toEqual({ at: 1 });
  });

  it("answers channel queries with subscriptions on every gateway", async () => {
    const [a, b] = await twoGateways();
    await subscribed(await connectClient(a), "news");
    await subscribed(await connectClient(b), "news");

    const response = await serverSdk(a).get({ path: "/channels/news", params: { info: "subscription_count" } });
    expect(await response.json()).toEqual({ occupied: true, subscription_count: 2 });
  });
});

describe("terminate_connections", () => {
  it("closes the user's connections on every gateway, whichever one the API call reached", async () => {
    const [a, b] = await twoGateways();
    const onB = await connectClient(b, { signinAs: "frank" });
    await signedIn(onB);
    const firstSocket = socketIdOf(onB);

    const closedWith = new Promise<unknown>((resolve) => onB.connection.bind("error", resolve));
    await serverSdk(a).terminateUserConnections("frank");

    expect(await closedWith).toMatchObject({ data: { code: 4200 } });
    await eventually(() => onB.connection.state === "connected" && socketIdOf(onB) !== firstSocket, 5_000, "reconnected");
  });
});

describe("shared presence", () => {
  it("shows members of both gateways and announces joins across them", async () => {
    const [a, b] = await twoGateways();
    const aliceChannel = (await subscribed(await connectClient(a, { user: { id: "alice" } }), "presence-room")) as PresenceChannel;

    const added = nextEvent<{ id: string }>(aliceChannel, "pusher:member_added");
    const bob = await connectClient(b, { user: { id: "bob" } });
    const bobChannel = (await subscribed(bob, "presence-room")) as PresenceChannel;

    expect((await added).data.id).toBe("bob");
    expect(bobChannel.members.count).toBe(2);
    expect(bobChannel.members.get("alice")).not.toBeNull();

    const removed = nextEvent<{ id: string }>(aliceChannel, "pusher:member_removed");
    bob.disconnect();
    expect((await removed).data.id).toBe("bob");
  });

  it("counts one user connected to two gateways once", async () => {
    const [a, b] = await twoGateways();
    const observer = (await subscribed(await connectClient(a, { user: { id: "observer" } }), "presence-room")) as PresenceChannel;
    const added = recordEvents(observer, "pusher:member_added");
    const removed = recordEvents(observer, "pusher:member_removed");

    const tabOnA = await connectClient(a, { user: { id: "dana" } });
    await subscribed(tabOnA, "presence-room");
    await eventually(() => added.length === 1, 2_000, "member_added");
    const tabOnB = await connectClient(b, { user: { id: "dana" } });
    await subscribed(tabOnB, "presence-room");
    // A second member_added would travel from B before an event B publishes afterwards.
    await sentinelReaches(observer, b);
    expect(added).toHaveLength(1);

    tabOnA.disconnect();
    // A forgets the socket only after leaving its channels (and announcing any member who left).
    await eventually(() => a.gateway.connectionCount() === 1, 2_000, "tab on A cleaned up");
    await sentinelReaches(observer, a);
    expect(removed).toHaveLength(0);
    tabOnB.disconnect();
    await eventually(() => removed.length === 1, 2_000, "member_removed");
  });

  it("removes the members of a gateway that stops cleanly", async () => {
    const [a, b] = await twoGateways();
    const observer = (await subscribed(await connectClient(a, { user: { id: "observer" } }), "presence-room")) as PresenceChannel;
    await subscribed(await connectClient(b, { user: { id: "erin" } }), "presence-room");
    await eventually(() => observer.members.count === 2, 2_000, "erin visible");

    const removed = nextEvent<{ id: string }>(observer, "pusher:member_removed");
    await b.gateway.close();
    expect((await removed).data.id).toBe("erin");
  });

  it("sweeps the members of a crashed gateway once its heartbeat expires", async () => {
    const [a, b] = await twoGateways(FAST_PRESENCE);
    const observer = (await subscribed(await connectClient(a, { user: { id: "observer" } }), "presence-room")) as PresenceChannel;
    const ghostClient = await connectClient(b, { user: { id: "ghost" } });
    await subscribed(ghostClient, "presence-room");
    await eventually(() => observer.members.count === 2, 2_000, "ghost visible");

    const removed = nextEvent<{ id: string }>(observer, "pusher:member_removed", 5_000);
    await b.gateway.close({ releasePresence: false });
    ghostClient.disconnect();

    expect((await removed).data.id).toBe("ghost");
    const latecomer = (await subscribed(await connectClient(a, { user: { id: "late" } }), "presence-room")) as PresenceChannel;
    expect(latecomer.members.get("ghost")).toBeNull();
    expect(latecomer.members.count).toBe(2);
  });

  it("never lists a crashed gateway's members, even before the sweep", async () => {
    const app = freshApp();
    // A long heartbeat on the survivor: its sweep cannot run during this test, only the read-time filter can hide the ghost.
    const a = await startGateway({ app, presenceTtlSeconds: 60, heartbeatIntervalSeconds: 30 });
    const b = await startGateway({ app, presenceTtlSeconds: 0.4, heartbeatIntervalSeconds: 0.1 });
    const ghostClient = await connectClient(b, { user: { id: "ghost" } });
    await subscribed(ghostClient, "presence-room");
    await b.gateway.close({ releasePresence: false });
    ghostClient.disconnect();
    await eventually(async () => !(await usersOf(a)).includes("ghost"), 3_000, "the ghost's heartbeat expiring");

    const latecomer = (await subscribed(await connectClient(a, { user: { id: "late" } }), "presence-room")) as PresenceChannel;
    expect(latecomer.members.get("ghost")).toBeNull();
    const users = await serverSdk(a).get({ path: "/channels/presence-room/users" });
    expect(await users.json()).toEqual({ users: [{ id: "late" }] });
  });
});
