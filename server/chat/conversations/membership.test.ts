import { randomUUID } from "node:crypto";
import PusherClient, { type Channel } from "pusher-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpWithCookie } from "@/server/accounts/test-users";
import { clientOptions, closeEverything, connectClient, nextEvent, recordEvents, subscribed } from "@/server/realtime/gateway/gateway-test-kit";
import { startChatStack, type ChatStack } from "../chat-test-kit";

/**
 * Membership is enforced everywhere: operations (403), channel authorization
 * through the real /api/realtime/auth route with real sessions, and removal
 * (the removed member is told and refused from then on).
 */
let chat: ChatStack;
let authRoute: typeof import("@/app/api/realtime/auth/route");
let userAuthRoute: typeof import("@/app/api/realtime/user-auth/route");
const browserClients: PusherClient[] = [];

type Person = { id: string; cookie: string };

beforeAll(async () => {
  chat = await startChatStack();
  authRoute = await import("@/app/api/realtime/auth/route");
  userAuthRoute = await import("@/app/api/realtime/user-auth/route");
});

afterAll(async () => {
  for (const client of browserClients) client.disconnect();
  await closeEverything();
  await chat?.db.$disconnect();
});

function authorizeChannel(person: Person, channel: string, socketId = "123.456"): Promise<Response> {
  return authRoute.POST(
    new Request("http://localhost/api/realtime/auth", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: person.cookie },
      body: new URLSearchParams({ socket_id: socketId, channel_name: channel }),
    }),
  );
}

function authenticateUser(person: Person, socketId: string): Promise<Response> {
  return userAuthRoute.POST(
    new Request("http://localhost/api/realtime/user-auth", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: person.cookie },
      body: new URLSearchParams({ socket_id: socketId }),
    }),
  );
}

/** A tab as the browser's realtime provider opens it: both auth routes with the person's cookie, signed in. */
async function signedInTab(person: Person): Promise<PusherClient> {
  const answer = <T>(response: Promise<Response>, callback: (error: Error | null, data: T | null) => void) =>
    void response.then(async (reply) => (reply.ok ? callback(null, (await reply.json()) as T) : callback(new Error(`refused with ${reply.status}`), null)));
  const client = new PusherClient(chat.target.app.key, {
    ...clientOptions(chat.target),
    channelAuthorization: { customHandler: ({ socketId, channelName }, callback) => answer(authorizeChannel(person, channelName, socketId), callback) },
    userAuthentication: { customHandler: ({ socketId }, callback) => answer(authenticateUser(person, socketId), callback) },
  });
  browserClients.push(client);
  const signedIn = new Promise<void>((resolve) => client.bind("pusher:signin_success", () => resolve()));
  client.signin();
  await signedIn;
  return client;
}

/** Resolves with how the channel's next (re-)subscription ends. */
function nextSubscriptionOutcome(channel: Channel): Promise<{ ok: true } | { ok: false; error?: string }> {
  return new Promise((resolve) => {
    const succeeded = () => settle({ ok: true });
    const failed = (error: { error?: string }) => settle({ ok: false, error: error.error });
    const settle = (outcome: { ok: true } | { ok: false; error?: string }) => {
      channel.unbind("pusher:subscription_succeeded", succeeded);
      channel.unbind("pusher:subscription_error", failed);
      resolve(outcome);
    };
    channel.bind("pusher:subscription_succeeded", succeeded);
    channel.bind("pusher:subscription_error", failed);
  });
}

describe("membership", () => {
  it("lets members subscribe to the conversation's private and presence channels, and nobody else", async () => {
    const [alice, bob, eve] = await Promise.all([signUpWithCookie("Alice"), signUpWithCookie("Bob"), signUpWithCookie("Eve")]);
    const group = await chat.createGroup({ db: chat.db, userId: alice.id, name: "Secret plans", memberIds: [bob.id] });

    for (const member of [alice, bob]) {
      expect((await authorizeChannel(member, `private-chat-${group.id}`)).status).toBe(200);
      const presence = await authorizeChannel(member, `presence-chat-${group.id}`);
      expect(presence.status).toBe(200);
      expect(JSON.parse(((await presence.json()) as { channel_data: string }).channel_data)).toMatchObject({ user_id: member.id });
    }
    expect((await authorizeChannel(eve, `private-chat-${group.id}`)).status).toBe(403);
    expect((await authorizeChannel(eve, `presence-chat-${group.id}`)).status).toBe(403);
    expect((await authorizeChannel(eve, `private-chat-${randomUUID()}`)).status).toBe(403);
  });

  it("answers FORBIDDEN to non-members for every conversation operation", async () => {
    const [alice, bob, eve] = await Promise.all([chat.newUser(), chat.newUser(), chat.newUser()]);
    const dm = await chat.startDirectConversation({ db: chat.db, userId: alice.id, otherUserId: bob.id });
    const message = await chat.send(alice.id, dm.id, "just us");
    const { db } = chat;
    const refusals = [
      () => chat.getHistory({ db, userId: eve.id, input: chat.GetHistoryInput.parse({ conversationId: dm.id }) }),
      () => chat.getConversation({ db, userId: eve.id, conversationId: dm.id }),
      () => chat.markRead({ db, userId: eve.id, conversationId: dm.id, seq: 1 }),
      () => chat.toggleReaction({ db, userId: eve.id, messageId: message.id, emoji: "👍" }),
      () => chat.editMessage({ db, userId: eve.id, messageId: message.id, body: "hijack" }),
      () => chat.deleteMessage({ db, storage: chat.storage, userId: eve.id, messageId: message.id }),
      () => chat.leaveConversation({ db, userId: eve.id, conversationId: dm.id }),
      () => chat.send(eve.id, dm.id, "hello?"),
    ];
    for (const refusal of refusals) await expect(refusal()).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await chat.markDelivered({ db, userId: eve.id, items: [{ conversationId: dm.id, seq: 1 }] })).toEqual({ receipts: [] });
    // A member may not change someone else's message either.
    await expect(chat.editMessage({ db, userId: bob.id, messageId: message.id, body: "not mine" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("tells a removed member on their user channel and refuses them from then on", async () => {
    const [alice, bob, carol] = await Promise.all([signUpWithCookie("Alice"), signUpWithCookie("Bob"), signUpWithCookie("Carol")]);
    const group = await chat.createGroup({ db: chat.db, userId: alice.id, name: "Book club", memberIds: [bob.id, carol.id] });

    // Only admins remove.
    await expect(chat.removeMember({ db: chat.db, userId: bob.id, conversationId: group.id, memberId: carol.id })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const bobsTab = await connectClient(chat.target);
    const bobsChannel = await subscribed(bobsTab, `private-user-${bob.id}`);
    const groupChannel = await subscribed(bobsTab, `private-chat-${group.id}`);
    const told = nextEvent<{ conversationId: string; byUserId: string }>(bobsChannel, "chat.removed");
    const announced = nextEvent<{ change: string; userIds: string[] }>(groupChannel, "conversation-updated");

    await chat.removeMember({ db: chat.db, userId: alice.id, conversationId: group.id, memberId: bob.id });

    expect((await told).data).toEqual({ conversationId: group.id, byUserId: alice.id });
    expect((await announced).data).toMatchObject({ change: "member-removed", userIds: [bob.id] });
    expect((await authorizeChannel(bob, `private-chat-${group.id}`)).status).toBe(403);
    expect((await authorizeChannel(bob, `presence-chat-${group.id}`)).status).toBe(403);
    expect((await authorizeChannel(carol, `private-chat-${group.id}`)).status).toBe(200);
    await expect(chat.getHistory({ db: chat.db, userId: bob.id, input: chat.GetHistoryInput.parse({ conversationId: group.id }) })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const bobsList = await chat.listConversations({ db: chat.db, userId: bob.id, input: chat.ListConversationsInput.parse({}) });
    expect(bobsList.items.map((item) => item.id)).not.toContain(group.id);

    // Re-adding restores access.
    await chat.addMembers({ db: chat.db, userId: alice.id, conversationId: group.id, userIds: [bob.id] });
    expect((await authorizeChannel(bob, `private-chat-${group.id}`)).status).toBe(200);
  });

  it("cuts a removed member's already-open subscription: their tab reconnects and the conversation's channel is refused", async () => {
    const [alice, bob] = await Promise.all([signUpWithCookie("Alice"), signUpWithCookie("Bob")]);
    const group = await chat.createGroup({ db: chat.db, userId: alice.id, name: "Secrets", memberIds: [bob.id] });
    const other = await chat.createGroup({ db: chat.db, userId: alice.id, name: "Still friends", memberIds: [bob.id] });

    // Bob's tab is signed in and subscribed to both groups, and ignores the "removed" notice (as a tampered client would).
    const bobsTab = await signedInTab(bob);
    const groupChannel = await subscribed(bobsTab, `private-chat-${group.id}`);
    const otherChannel = await subscribed(bobsTab, `private-chat-${other.id}`);
    const leaked = recordEvents(groupChannel, "message");
    const groupAgain = nextSubscriptionOutcome(groupChannel);
    const otherAgain = nextSubscriptionOutcome(otherChannel);

    await chat.removeMember({ db: chat.db, userId: alice.id, conversationId: group.id, memberId: bob.id });

    expect(await groupAgain).toEqual({ ok: false, error: "refused with 403" });
    expect(await otherAgain).toEqual({ ok: true });
    await chat.send(alice.id, group.id, "after Bob left");
    const sentinel = nextEvent(otherChannel, "message");
    await chat.send(alice.id, other.id, "sentinel");
    await sentinel;
    expect(leaked).toEqual([]);
  });

  it("ends a leaver's subscriptions on all their tabs", async () => {
    const [alice, bob] = await Promise.all([signUpWithCookie("Alice"), signUpWithCookie("Bob")]);
    const group = await chat.createGroup({ db: chat.db, userId: alice.id, name: "Short stay", memberIds: [bob.id] });
    const otherTab = await signedInTab(bob);
    const groupAgain = nextSubscriptionOutcome(await subscribed(otherTab, `private-chat-${group.id}`));

    await chat.leaveConversation({ db: chat.db, userId: bob.id, conversationId: group.id });
    expect(await groupAgain).toEqual({ ok: false, error: "refused with 403" });
  });

  it("hands the admin role on when the last admin leaves, and refuses leaving a DM", async () => {
    const [alice, bob, carol] = await Promise.all([chat.newUser(), chat.newUser(), chat.newUser()]);
    const group = await chat.createGroup({ db: chat.db, userId: alice.id, name: "Relay", memberIds: [bob.id, carol.id] });
    await chat.leaveConversation({ db: chat.db, userId: alice.id, conversationId: group.id });
    const detail = await chat.getConversation({ db: chat.db, userId: bob.id, conversationId: group.id });
    expect(detail.members.map((member) => member.user.id).sort()).toEqual([bob.id, carol.id].sort());
    expect(detail.members.filter((member) => member.role === "admin")).toHaveLength(1);

    const dm = await chat.startDirectConversation({ db: chat.db, userId: bob.id, otherUserId: carol.id });
    await expect(chat.leaveConversation({ db: chat.db, userId: bob.id, conversationId: dm.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
