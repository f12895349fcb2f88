import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countingDb } from "@/server/platform/counting-db";
import { closeEverything, connectClient, eventually, nextEvent, recordEvents, subscribed } from "@/server/realtime/gateway/gateway-test-kit";
import { startChatStack, type ChatStack } from "../chat-test-kit";
import type { MessageEnvelope } from "../chat-views";

/** Sending against real Postgres, Redis and a real gateway, with pusher-js listening. */
let chat: ChatStack;

beforeAll(async () => {
  chat = await startChatStack({ RATE_LIMIT_CHAT_SEND_POINTS: "60" });
});

afterAll(async () => {
  await closeEverything();
  await chat?.db.$disconnect();
});

async function groupOf(size: number) {
  const users = await Promise.all(Array.from({ length: size }, () => chat.newUser()));
  const [owner, ...rest] = users;
  if (!owner) throw new Error("no users");
  const group = await chat.createGroup({ db: chat.db, userId: owner.id, name: "Team", memberIds: rest.map((user) => user.id) });
  return { users, owner, group };
}

describe("sendMessage", () => {
  it("gives 50 concurrent senders seqs 1..50 with no gaps and no duplicates", async () => {
    const { users, group } = await groupOf(50);
    const sent = await Promise.all(users.map((user, index) => chat.send(user.id, group.id, `hello from ${index}`)));

    expect(sent.map((message) => message.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    const rows = await chat.db.message.findMany({ where: { conversationId: group.id }, orderBy: { seq: "asc" }, select: { seq: true, senderId: true } });
    expect(rows.map((row) => row.seq)).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    expect(new Set(rows.map((row) => row.senderId)).size).toBe(50);
    const conversation = await chat.db.conversation.findUniqueOrThrow({ where: { id: group.id } });
    expect(conversation.lastSeq).toBe(50);
    expect(conversation.lastMessageAt).not.toBeNull();
  }, 60_000);

  it("delivers every one of a concurrent burst to a subscriber exactly once", async () => {
    const { users, group } = await groupOf(30);
    const listener = await connectClient(chat.target);
    const channel = await subscribed(listener, `private-chat-${group.id}`);
    const events = recordEvents(channel, "message") as MessageEnvelope[];

    await Promise.all(users.map((user, index) => chat.send(user.id, group.id, `burst ${index}`)));

    await eventually(() => events.length >= 30, 5_000, "30 message events");
    // A 31st message is the sentinel: once it is in, a second copy of any of the 30 would have arrived before it.
    await chat.send(users[0]?.id ?? "", group.id, "sentinel");
    await eventually(() => events.some((event) => event.seq === 31), 5_000, "the sentinel");
    // In arrival order, not sorted: concurrent sends still reach the channel in seq order.
    expect(events.map((event) => event.seq)).toEqual(Array.from({ length: 31 }, (_, index) => index + 1));
  }, 60_000);

  it("stores the sends that arrive while a statement is in flight together, each with its own outcome", async () => {
    // Loaded here, not at the top: env.ts must first see the PUSHER_* of this file's gateway (chat-test-kit.ts).
    const { createMessageInserter } = await import("./insert-messages");
    const { users, owner, group } = await groupOf(3);
    const outsider = await chat.newUser();
    const counting = countingDb(chat.db);
    const inserter = createMessageInserter(counting.db);
    const message = (senderId: string, clientId = randomUUID()) => ({ id: randomUUID(), conversationId: group.id, senderId, clientId, body: "together", replyToId: null, attachments: [] });
    const repeated = message(owner.id);

    const outcomes = await Promise.all([
      inserter.submit(message(owner.id)),
      ...users.map((user) => inserter.submit(message(user.id))),
      inserter.submit(repeated),
      inserter.submit({ ...repeated, id: randomUUID() }),
      inserter.submit(message(outsider.id)),
    ]);

    // The first goes out alone at once; the six that arrived meanwhile share the second statement.
    expect(counting.statements()).toBe(2);
    expect(outcomes.map((outcome) => outcome.outcome)).toEqual(["inserted", "inserted", "inserted", "inserted", "inserted", "duplicate", "not-member"]);
    expect(outcomes.flatMap((outcome) => (outcome.outcome === "inserted" ? [outcome.seq] : []))).toEqual([1, 2, 3, 4, 5]);
    expect((await chat.db.conversation.findUniqueOrThrow({ where: { id: group.id } })).lastSeq).toBe(5);
  });

  it("retries a failed batch message by message, so only the bad one fails", async () => {
    const { createMessageInserter } = await import("./insert-messages");
    const { owner, group } = await groupOf(2);
    const inserter = createMessageInserter(chat.db);
    const message = (replyToId: string | null) => ({ id: randomUUID(), conversationId: group.id, senderId: owner.id, clientId: randomUUID(), body: "hi", replyToId, attachments: [] });

    const first = inserter.submit(message(null));
    // A reply to a message that does not exist (deleted after the check) breaks its batch's foreign key.
    const batch = [inserter.submit(message(null)), inserter.submit(message("no-such-message")), inserter.submit(message(null))];
    const settled = await Promise.allSettled([first, ...batch]);

    expect(settled.map((result) => result.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
    const rows = await chat.db.message.findMany({ where: { conversationId: group.id }, orderBy: { seq: "asc" }, select: { seq: true } });
    expect(rows.map((row) => row.seq)).toEqual([1, 2, 3]);
  });

  it("keeps seqs gap-free when duplicate client ids race each other", async () => {
    const { owner, group } = await groupOf(2);
    const clientIds = Array.from({ length: 10 }, () => randomUUID());
    // Every client id sent five times at once: 50 calls, 10 messages.
    const calls = clientIds.flatMap((clientId) => Array.from({ length: 5 }, () => chat.send(owner.id, group.id, `once ${clientId}`, { clientId })));
    const results = await Promise.all(calls);

    for (const clientId of clientIds) {
      const twins = results.filter((message) => message.clientId === clientId);
      expect(new Set(twins.map((message) => message.id)).size).toBe(1);
      expect(new Set(twins.map((message) => message.seq)).size).toBe(1);
    }
    const rows = await chat.db.message.findMany({ where: { conversationId: group.id }, orderBy: { seq: "asc" } });
    expect(rows.map((row) => row.seq)).toEqual(Array.from({ length: 10 }, (_, index) => index + 1));
    expect((await chat.db.conversation.findUniqueOrThrow({ where: { id: group.id } })).lastSeq).toBe(10);
  }, 60_000);

  it("answers a retried send with the stored message and publishes it once", async () => {
    const { owner, users, group } = await groupOf(2);
    const listener = await connectClient(chat.target);
    const channel = await subscribed(listener, `private-chat-${group.id}`);
    const events = recordEvents(channel, "message") as MessageEnvelope[];

    const clientId = randomUUID();
    const first = await chat.send(owner.id, group.id, "exactly once", { clientId });
    const retry = await chat.send(owner.id, group.id, "exactly once", { clientId });
    await chat.send(users[1]?.id ?? "", group.id, "next");

    expect(retry).toMatchObject({ id: first.id, seq: first.seq, body: "exactly once" });
    // "next" is the sentinel: once it is in, a second publish of the retried message would have arrived before it.
    await eventually(() => events.some((event) => event.seq === 2), 5_000, "the sentinel");
    expect(events.map((event) => event.seq)).toEqual([1, 2]);
    expect(events[0]).toMatchObject({ id: first.id, clientId, senderId: owner.id, preview: "exactly once", truncated: false });
  });

  it("publishes a small envelope with a ≤ 1 KB preview, whatever the body's size", async () => {
    const { owner, group } = await groupOf(2);
    const listener = await connectClient(chat.target);
    const channel = await subscribed(listener, `private-chat-${group.id}`);
    const received = nextEvent<MessageEnvelope>(channel, "message");

    const body = "😀".repeat(4_000); // 4,000 characters, 16,000 bytes of UTF-8: the largest allowed
    const message = await chat.send(owner.id, group.id, body);

    const { data } = await received;
    expect(message.body).toBe(body);
    expect(data).toMatchObject({ conversationId: group.id, id: message.id, seq: 1, truncated: true, attachmentCount: 0 });
    expect(Buffer.byteLength(data.preview)).toBeLessThanOrEqual(1024);
    expect(body.startsWith(data.preview)).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(data))).toBeLessThan(2048);
    expect(Math.abs(new Date(data.createdAt).getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("trims and bounds the body", async () => {
    const { owner, group } = await groupOf(2);
    expect((await chat.send(owner.id, group.id, "  spaced out \r\n ")).body).toBe("spaced out");
    await expect(chat.send(owner.id, group.id, "   \n ")).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(chat.send(owner.id, group.id, "a".repeat(4_001))).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect((await chat.send(owner.id, group.id, ` ${"a".repeat(4_000)} `)).body).toHaveLength(4_000);
    // Characters are code points: 4,001 emoji is one too many even though 4,000 (16,000 bytes) fit.
    await expect(chat.send(owner.id, group.id, "😀".repeat(4_001))).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect((await chat.db.conversation.findUniqueOrThrow({ where: { id: group.id } })).lastSeq).toBe(2);
  });

  it("refuses non-members and removed members, and leaves no seq behind", async () => {
    const { owner, users, group } = await groupOf(3);
    const outsider = await chat.newUser();
    await expect(chat.send(outsider.id, group.id, "let me in")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(chat.send(outsider.id, randomUUID(), "nowhere")).rejects.toMatchObject({ code: "FORBIDDEN" });

    const removed = users[2];
    if (!removed) throw new Error("no third member");
    await chat.send(removed.id, group.id, "before");
    await chat.removeMember({ db: chat.db, userId: owner.id, conversationId: group.id, memberId: removed.id });
    await expect(chat.send(removed.id, group.id, "after")).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await chat.db.conversation.findUniqueOrThrow({ where: { id: group.id } })).lastSeq).toBe(1);
  });

  it("checks that a reply points into the same conversation", async () => {
    const { owner, group } = await groupOf(2);
    const other = await groupOf(2);
    const original = await chat.send(owner.id, group.id, "question?");
    const reply = await chat.send(owner.id, group.id, "answer", { replyToId: original.id });
    expect(reply.replyTo).toMatchObject({ id: original.id, seq: original.seq, preview: "question?", deleted: false });
    const foreign = await chat.send(other.owner.id, other.group.id, "elsewhere");
    await expect(chat.send(owner.id, group.id, "cross", { replyToId: foreign.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("rate-limits sends per user (RATE_LIMIT_CHAT_SEND_POINTS), but not retries", async () => {
    const { owner, group } = await groupOf(2);
    const clientId = randomUUID();
    await chat.send(owner.id, group.id, "first", { clientId });
    for (let index = 1; index < 60; index++) await chat.send(owner.id, group.id, `burst ${index}`);
    await expect(chat.send(owner.id, group.id, "one too many")).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect((await chat.send(owner.id, group.id, "first", { clientId })).seq).toBe(1);
  }, 60_000);

  it("counts edits in the same window: a message edited in a loop is refused like a send loop", async () => {
    const { owner, group } = await groupOf(2);
    const message = await chat.send(owner.id, group.id, "v0");
    for (let version = 1; version < 60; version++) await chat.editMessage({ db: chat.db, userId: owner.id, messageId: message.id, body: `v${version} https://example.com/${version}`, defer: () => {} });
    await expect(chat.editMessage({ db: chat.db, userId: owner.id, messageId: message.id, body: "one too many", defer: () => {} })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect((await chat.db.message.findUniqueOrThrow({ where: { id: message.id } })).body).toBe("v59 https://example.com/59");
  }, 60_000);

  it("counts reactions and pins in the same window: toggling either in a loop is refused like a send loop", async () => {
    const { owner, group } = await groupOf(2);
    const { setPinned } = await import("./set-pinned");
    const message = await chat.send(owner.id, group.id, "react to me");
    for (let toggle = 1; toggle < 59; toggle++) await chat.toggleReaction({ db: chat.db, userId: owner.id, messageId: message.id, emoji: "👍" });
    await setPinned({ db: chat.db, userId: owner.id, messageId: message.id, pinned: true });
    await expect(chat.toggleReaction({ db: chat.db, userId: owner.id, messageId: message.id, emoji: "👍" })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await expect(setPinned({ db: chat.db, userId: owner.id, messageId: message.id, pinned: false })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    const stored = await chat.db.message.findUniqueOrThrow({ where: { id: message.id }, include: { reactions: true } });
    expect({ reactions: stored.reactions.length, pinned: stored.pinnedAt !== null }).toEqual({ reactions: 0, pinned: true });
  }, 60_000);

  it("leaves no unread bell entry for a message its reader read while the notification was being written", async () => {
    const alice = await chat.newUser();
    const bob = await chat.newUser();
    const dm = await chat.startDirectConversation({ db: chat.db, userId: alice.id, otherUserId: bob.id });
    const message = await chat.sendMessage({
      db: chat.db,
      storage: chat.storage,
      senderId: alice.id,
      input: chat.SendMessageInput.parse({ conversationId: dm.id, clientId: randomUUID(), body: `ping @${bob.username ?? ""}, read at once` }),
      defer: () => {},
    });
    // Bob's open conversation reads the message right after the notifier chose its recipients and before it wrote.
    let raced = false;
    const racingDb = new Proxy(chat.db, {
      get(target, property) {
        if (property !== "$queryRaw" || raced) return Reflect.get(target, property) as unknown;
        return async (...query: Parameters<typeof target.$queryRaw>) => {
          const rows: unknown = await target.$queryRaw(...query);
          raced = true;
          await chat.markRead({ db: chat.db, userId: bob.id, conversationId: dm.id, seq: message.seq });
          return rows;
        };
      },
    });
    // Imported after the stack has set the environment, like the kit's own modules.
    const { notifyMessageRecipients } = await import("./notify-message-recipients");
    await notifyMessageRecipients({ db: racingDb, message });
    expect(raced).toBe(true);
    expect(await chat.db.notification.count({ where: { userId: bob.id } })).toBeGreaterThan(0);
    expect(await chat.db.notification.count({ where: { userId: bob.id, readAt: null } })).toBe(0);
  });

  it("notifies the other person of a DM once per unread conversation, and mentioned members", async () => {
    const alice = await chat.newUser(`alice_${randomUUID().slice(0, 6)}`);
    const bob = await chat.newUser(`bob_${randomUUID().slice(0, 6)}`);
    const carol = await chat.newUser(`carol_${randomUUID().slice(0, 6)}`);
    const dm = await chat.startDirectConversation({ db: chat.db, userId: alice.id, otherUserId: bob.id });
    await chat.send(alice.id, dm.id, "hi bob");
    await chat.send(alice.id, dm.id, "are you there?");
    const forBob = await chat.db.notification.findMany({ where: { userId: bob.id } });
    expect(forBob).toHaveLength(1);
    expect(forBob[0]).toMatchObject({ kind: "chat.message", payload: { conversationId: dm.id, seq: 1, senderId: alice.id, preview: "hi bob" } });
    expect(await chat.db.notification.count({ where: { userId: alice.id } })).toBe(0);

    const group = await chat.createGroup({ db: chat.db, userId: alice.id, name: "Trio", memberIds: [bob.id, carol.id] });
    await chat.send(alice.id, group.id, `ping @${carol.username ?? ""} and @nobody_here`);
    await chat.send(alice.id, group.id, "no mention");
    const forCarol = await chat.db.notification.findMany({ where: { userId: carol.id } });
    expect(forCarol.map((row) => row.kind)).toEqual(["chat.mention"]);
    expect(await chat.db.notification.count({ where: { userId: bob.id } })).toBe(1);
  });

  it("reading a conversation reads its notifications, and nobody is notified of a message already read", async () => {
    const [alice, bob, carol] = await Promise.all([chat.newUser(), chat.newUser(), chat.newUser()]);
    const dm = await chat.startDirectConversation({ db: chat.db, userId: alice.id, otherUserId: bob.id });
    const other = await chat.startDirectConversation({ db: chat.db, userId: carol.id, otherUserId: bob.id });
    const first = await chat.send(alice.id, dm.id, "hi bob");
    await chat.send(carol.id, other.id, "elsewhere");
    const unread = async () =>
      (await chat.db.notification.findMany({ where: { userId: bob.id, readAt: null }, select: { payload: true } })).map(
        (row) => (row.payload as { conversationId: string }).conversationId,
      );
    expect((await unread()).sort()).toEqual([dm.id, other.id].sort());

    // Reading the DM reads its notification; the other conversation's stays unread.
    await chat.markRead({ db: chat.db, userId: bob.id, conversationId: dm.id, seq: first.seq });
    expect(await unread()).toEqual([other.id]);

    // A message Bob read before its notification went out (the conversation was open on his screen) notifies nobody.
    const { notifyMessageRecipients } = await import("./notify-message-recipients");
    await notifyMessageRecipients({ db: chat.db, message: first });
    expect(await unread()).toEqual([other.id]);
  });
});
