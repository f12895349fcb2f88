import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser } from "@/server/accounts/test-users";
import { closeEverything, connectClient, nextEvent, socketIdOf, subscribed } from "@/server/realtime/gateway/gateway-test-kit";
import { startChatStack, type ChatStack } from "./chat-test-kit";
import type { MessageEnvelope } from "./chat-views";

/** The tRPC surface end to end: validation, error codes, and the sender's own socket skipped. */
let chat: ChatStack;
let appRouter: typeof import("@/server/trpc/root").appRouter;
let createCallerFactory: typeof import("@/server/trpc/init").createCallerFactory;

beforeAll(async () => {
  chat = await startChatStack();
  ({ appRouter } = await import("@/server/trpc/root"));
  ({ createCallerFactory } = await import("@/server/trpc/init"));
});

afterAll(async () => {
  await closeEverything();
  await chat?.db.$disconnect();
});

async function signedInCaller() {
  const user = await createTestUser(chat.db);
  const caller = createCallerFactory(appRouter)({
    db: chat.db,
    redis: chat.redis,
    headers: new Headers(),
    user: { id: user.id, name: user.name, email: user.email, username: user.username, image: null, role: "user" },
  });
  return { user, caller };
}

describe("chat router", () => {
  it("runs a conversation through tRPC", async () => {
    const alice = await signedInCaller();
    const bob = await signedInCaller();
    const eve = await signedInCaller();

    const dm = await alice.caller.chat.startDirect({ userId: bob.user.id });
    expect((await bob.caller.chat.list({})).items.map((item) => item.id)).toEqual([dm.id]);

    // The sender's own connection is skipped; another tab of theirs still hears it.
    const ownTab = await connectClient(chat.target);
    const otherTab = await connectClient(chat.target);
    const ownChannel = await subscribed(ownTab, `private-chat-${dm.id}`);
    const otherChannel = await subscribed(otherTab, `private-chat-${dm.id}`);
    let ownHeard = false;
    ownChannel.bind("message", () => {
      ownHeard = true;
    });
    const heard = nextEvent<MessageEnvelope>(otherChannel, "message");
    const sent = await alice.caller.chat.send({ conversationId: dm.id, clientId: randomUUID(), body: "hello @bob", socketId: socketIdOf(ownTab) });
    expect((await heard).data).toMatchObject({ id: sent.id, seq: 1, senderName: alice.user.name });
    expect(ownHeard).toBe(false);

    expect(await bob.caller.chat.unreadCount()).toEqual({ messages: 1, conversations: 1 });
    expect(await bob.caller.chat.markRead({ conversationId: dm.id, seq: 1 })).toMatchObject({ lastReadSeq: 1 });
    expect(await bob.caller.chat.unreadCount()).toEqual({ messages: 0, conversations: 0 });
    expect((await bob.caller.chat.history({ conversationId: dm.id })).messages.map((message) => message.body)).toEqual(["hello @bob"]);
    expect((await bob.caller.chat.search({ query: "hello" })).results).toHaveLength(1);

    await bob.caller.chat.heartbeat({});
    expect(await alice.caller.chat.lastSeen({ userIds: [bob.user.id] })).toMatchObject([{ userId: bob.user.id, status: "online" }]);
    expect((await alice.caller.chat.searchPeople({ query: bob.user.username ?? "" })).map((person) => person.id)).toContain(bob.user.id);

    await expect(eve.caller.chat.history({ conversationId: dm.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(eve.caller.chat.send({ conversationId: dm.id, clientId: "x1", body: "hi" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(alice.caller.chat.send({ conversationId: dm.id, clientId: "bad id!", body: "hi" })).rejects.toBeInstanceOf(TRPCError);
    await expect(alice.caller.chat.send({ conversationId: dm.id, clientId: "x2", body: "x".repeat(4_001) })).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
    });
    await expect(alice.caller.chat.history({ conversationId: dm.id, limit: 51 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  }, 60_000);
});
