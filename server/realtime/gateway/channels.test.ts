import type { PresenceChannel } from "pusher-js";
import { afterEach, describe, expect, it } from "vitest";
import {
  appPath,
  closeEverything,
  connectClient,
  eventually,
  nextEvent,
  openRawClient,
  recordEvents,
  serverSdk,
  socketIdOf,
  startGateway,
  subscribed,
} from "./gateway-test-kit";

/** The official clients end to end: pusher-js (Node build) subscribing, the `pusher` SDK publishing. */

afterEach(closeEverything);

describe("public channels", () => {
  it("delivers an event triggered through the SDK", async () => {
    const target = await startGateway();
    const client = await connectClient(target);
    const channel = await subscribed(client, "news");

    const received = nextEvent<{ headline: string }>(channel, "published");
    await serverSdk(target).trigger("news", "published", { headline: "hello" });

    expect((await received).data).toEqual({ headline: "hello" });
  });

  it("skips the connection named in socket_id", async () => {
    const target = await startGateway();
    const [author, reader] = [await connectClient(target), await connectClient(target)];
    const authorSeen = recordEvents(await subscribed(author, "news"), "published");
    const readerChannel = await subscribed(reader, "news");

    const received = nextEvent(readerChannel, "published");
    await serverSdk(target).trigger("news", "published", { n: 1 }, { socket_id: socketIdOf(author) });

    await received;
    // Events of one channel arrive in order: once a later one reached the author, the skipped one never will.
    const sentinel = nextEvent(author.channel("news"), "sentinel");
    await serverSdk(target).trigger("news", "sentinel", {});
    await sentinel;
    expect(authorSeen).toEqual([]);
  });

  it("stops delivering after unsubscribe", async () => {
    // A raw socket: pusher-js itself drops events of a channel it unsubscribed from, which would hide a gateway that keeps sending.
    const target = await startGateway();
    const client = await openRawClient(target.gateway.port, appPath(target.app.key));
    await client.nextFrame("pusher:connection_established");
    client.send({ event: "pusher:subscribe", data: { channel: "news" } });
    await client.nextFrame("pusher_internal:subscription_succeeded");
    client.send({ event: "pusher:unsubscribe", data: { channel: "news" } });
    // A socket's messages are handled in order: once this subscription is confirmed, the unsubscribe is done.
    client.send({ event: "pusher:subscribe", data: { channel: "sentinel" } });
    await client.nextFrame("pusher_internal:subscription_succeeded");

    await serverSdk(target).trigger("news", "published", {});
    await serverSdk(target).trigger("sentinel", "sentinel", {});
    await client.nextFrame("sentinel");
    expect(client.frames.filter((frame) => frame.event === "published")).toEqual([]);
  });
});

describe("private channels", () => {
  it("subscribes with a valid authorization", async () => {
    const target = await startGateway();
    const client = await connectClient(target);
    const channel = await subscribed(client, "private-inbox");

    const received = nextEvent(channel, "mail");
    await serverSdk(target).trigger("private-inbox", "mail", { from: "bob" });
    expect((await received).data).toEqual({ from: "bob" });
  });

  it("surfaces a forged authorization as pusher:subscription_error", async () => {
    const target = await startGateway();
    const client = await connectClient(target, { forgeAuth: true });
    const channel = client.subscribe("private-inbox");

    const { data } = await nextEvent<{ status: number; type: string }>(channel, "pusher:subscription_error");
    expect(data).toMatchObject({ status: 401, type: "AuthError" });
    expect(channel.subscribed).toBe(false);
  });
});

describe("presence channels", () => {
  it("announces members joining and leaving", async () => {
    const target = await startGateway();
    const alice = await connectClient(target, { user: { id: "alice", info: { name: "Alice" } } });
    const aliceChannel = (await subscribed(alice, "presence-room")) as PresenceChannel;
    expect(aliceChannel.members.count).toBe(1);
    expect(aliceChannel.members.me).toEqual({ id: "alice", info: { name: "Alice" } });

    const added = nextEvent<{ id: string; info: unknown }>(aliceChannel, "pusher:member_added");
    const bob = await connectClient(target, { user: { id: "bob", info: { name: "Bob" } } });
    const bobChannel = (await subscribed(bob, "presence-room")) as PresenceChannel;
    expect((await added).data).toEqual({ id: "bob", info: { name: "Bob" } });
    expect(bobChannel.members.count).toBe(2);
    expect(bobChannel.members.get("alice")).toEqual({ id: "alice", info: { name: "Alice" } });

    const removed = nextEvent<{ id: string }>(aliceChannel, "pusher:member_removed");
    bob.disconnect();
    expect((await removed).data).toMatchObject({ id: "bob" });
    expect(aliceChannel.members.count).toBe(1);
  });

  it("counts a user with two connections once, until the last one leaves", async () => {
    const target = await startGateway();
    const observer = await connectClient(target, { user: { id: "observer" } });
    const observerChannel = (await subscribed(observer, "presence-room")) as PresenceChannel;
    const added = recordEvents(observerChannel, "pusher:member_added");
    const removed = recordEvents(observerChannel, "pusher:member_removed");

    const firstTab = await connectClient(target, { user: { id: "carol" } });
    await subscribed(firstTab, "presence-room");
    const secondTab = await connectClient(target, { user: { id: "carol" } });
    const secondChannel = (await subscribed(secondTab, "presence-room")) as PresenceChannel;
    expect(secondChannel.members.count).toBe(2);
    await eventually(() => added.length === 1, 2_000, "member_added");

    firstTab.disconnect();
    // The gateway forgets a socket only after leaving its channels (and announcing any member who left).
    await eventually(() => target.gateway.connectionCount() === 2, 3_000, "first tab's cleanup");
    const sentinel = nextEvent(observerChannel, "sentinel");
    await serverSdk(target).trigger("presence-room", "sentinel", {});
    await sentinel;
    expect(removed).toEqual([]);
    expect(observerChannel.members.count).toBe(2);

    secondTab.disconnect();
    await eventually(() => removed.length === 1, 2_000, "member_removed");
    expect(observerChannel.members.count).toBe(1);
    const users = await serverSdk(target).get({ path: "/channels/presence-room/users" });
    expect(await users.json()).toEqual({ users: [{ id: "observer" }] });
  });

  it("refuses members beyond the channel's limit", async () => {
    const target = await startGateway({ maxPresenceMembers: 1 });
    const first = await connectClient(target, { user: { id: "one" } });
    await subscribed(first, "presence-small");
    const second = await connectClient(target, { user: { id: "two" } });

    const { data } = await nextEvent<{ status: number }>(second.subscribe("presence-small"), "pusher:subscription_error");
    expect(data.status).toBe(403);
  });
});

describe("client events", () => {
  it("reaches the other subscribers but not the sender, with user_id on presence channels", async () => {
    const target = await startGateway();
    const alice = await connectClient(target, { user: { id: "alice" } });
    const bob = await connectClient(target, { user: { id: "bob" } });
    const aliceChannel = await subscribed(alice, "presence-chat");
    const bobChannel = await subscribed(bob, "presence-chat");
    const echoed = recordEvents(aliceChannel, "client-typing");

    const received = nextEvent<{ typing: boolean }>(bobChannel, "client-typing");
    aliceChannel.trigger("client-typing", { typing: true });

    const { data, metadata } = await received;
    expect(data).toEqual({ typing: true });
    expect(metadata).toEqual({ user_id: "alice" });
    // An echo would have gone out when the event was relayed, before anything published afterwards.
    const sentinel = nextEvent(aliceChannel, "sentinel");
    await serverSdk(target).trigger("presence-chat", "sentinel", {});
    await sentinel;
    expect(echoed).toEqual([]);
  });

  it("works on private channels", async () => {
    const target = await startGateway();
    const [one, two] = [await connectClient(target), await connectClient(target)];
    const oneChannel = await subscribed(one, "private-pair");
    const twoChannel = await subscribed(two, "private-pair");

    const received = nextEvent(twoChannel, "client-hello");
    oneChannel.trigger("client-hello", { hi: 1 });
    expect((await received).data).toEqual({ hi: 1 });
  });

  it("is refused on public channels", async () => {
    const target = await startGateway();
    const [sender, listener] = [await connectClient(target), await connectClient(target)];
    const senderChannel = await subscribed(sender, "lobby");
    const seen = recordEvents(await subscribed(listener, "lobby"), "client-shout");

    const refused = new Promise<unknown>((resolve) => sender.connection.bind("error", resolve));
    senderChannel.trigger("client-shout", { loud: true });

    expect(await refused).toMatchObject({ type: "PusherError", data: { code: 4300 } });
    const listenerChannel = listener.channel("lobby");
    const sentinel = nextEvent(listenerChannel, "sentinel");
    await serverSdk(target).trigger("lobby", "sentinel", {});
    await sentinel;
    expect(seen).toEqual([]);
  });
});
