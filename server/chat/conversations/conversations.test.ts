import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeEverything, connectClient, eventually, nextEvent, recordEvents, subscribed } from "@/server/realtime/gateway/gateway-test-kit";
import { startChatStack, type ChatStack } from "../chat-test-kit";
import type { Receipt } from "../receipts/receipts";

/** DMs and groups, the sidebar list, receipts, history paging, edits, deletes and reactions. */
let chat: ChatStack;

beforeAll(async () => {
  chat = await startChatStack({ RATE_LIMIT_CHAT_SEND_POINTS: "1000" });
});

afterAll(async () => {
  await closeEverything();
  await chat?.db.$disconnect();
});

const list = (userId: string, input: { cursor?: string | null; limit?: number } = {}) =>
  chat.listConversations({ db: chat.db, userId, input: chat.ListConversationsInput.parse(input) });
const history = (userId: string, input: Record<string, unknown>) => chat.getHistory({ db: chat.db, userId, input: chat.GetHistoryInput.parse(input) });

describe("direct conversations", () => {
  it("has exactly one DM per pair, whoever starts it and however often", async () => {
    const [alice, bob] = await Promise.all([chat.newUser(), chat.newUser()]);
    const started = await Promise.all([
      chat.startDirectConversation({ db: chat.db, userId: alice.id, otherUserId: bob.id }),
      chat.startDirectConversation({ db: chat.db, userId: bob.id, otherUserId: alice.id }),
      chat.startDirectConversation({ db: chat.db, userId: alice.id, otherUserId: bob.id }),
    ]);
    expect(new Set(started.map((conversation) => conversation.id)).size).toBe(1);
    expect(started[0]).toMatchObject({ kind: "dm", name: bob.name, otherMember: { id: bob.id, name: bob.name }, memberCount: 2 });
    expect(started[1]).toMatchObject({ name: alice.name, otherMember: { id: alice.id } });
    await expect(chat.startDirectConversation({ db: chat.db, userId: alice.id, otherUserId: alice.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("listConversations", () => {
  it("sorts by last activity, previews the last message and counts unread", async () => {
    const [me, bob, carol] = await Promise.all([chat.newUser(), chat.newUser(), chat.newUser()]);
    const withBob = await chat.startDirectConversation({ db: chat.db, userId: me.id, otherUserId: bob.id });
    const group = await chat.createGroup({ db: chat.db, userId: carol.id, name: "Lunch", memberIds: [me.id, bob.id] });
    const withCarol = await chat.startDirectConversation({ db: chat.db, userId: me.id, otherUserId: carol.id });

    await chat.send(bob.id, withBob.id, "one");
    await chat.send(bob.id, withBob.id, "two");
    await chat.send(carol.id, group.id, "pizza?");
    await chat.send(bob.id, withBob.id, "three, the newest");

    const { items, nextCursor } = await list(me.id);
    expect(nextCursor).toBeNull();
    expect(items.map((item) => item.id)).toEqual([withBob.id, group.id, withCarol.id]);
    expect(items[0]).toMatchObject({
      kind: "dm",
      otherMember: { id: bob.id },
      lastSeq: 3,
      unreadCount: 3,
      lastMessage: { seq: 3, senderId: bob.id, senderName: bob.name, preview: "three, the newest", deleted: false },
    });
    expect(items[1]).toMatchObject({ kind: "group", name: "Lunch", role: "member", memberCount: 3, unreadCount: 1, otherMember: null });
    expect(items[2]).toMatchObject({ lastMessage: null, unreadCount: 0 });

    await chat.markRead({ db: chat.db, userId: me.id, conversationId: withBob.id, seq: 2 });
    expect((await list(me.id)).items[0]?.unreadCount).toBe(1);

    // Keyset pages: every conversation once, in order.
    const first = await list(me.id, { limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await list(me.id, { limit: 2, cursor: first.nextCursor });
    expect([...first.items, ...second.items].map((item) => item.id)).toEqual([withBob.id, group.id, withCarol.id]);
    expect(second.nextCursor).toBeNull();
  });
});

describe("receipts", () => {
  it("moves delivered and read marks forward only, and pushes receipts to the conversation", async () => {
    const [alice, bob] = await Promise.all([chat.newUser(), chat.newUser()]);
    const dm = await chat.startDirectConversation({ db: chat.db, userId: alice.id, otherUserId: bob.id });
    for (const body of ["a", "b", "c"]) await chat.send(alice.id, dm.id, body);

    const alicesTab = await connectClient(chat.target);
    const channel = await subscribed(alicesTab, `private-chat-${dm.id}`);
    const receipts = recordEvents(channel, "receipt") as Receipt[];

    const delivered = nextEvent<Receipt>(channel, "receipt");
    // Batched: the highest seq per conversation wins, and never past lastSeq.
    const batch = await chat.markDelivered({ db: chat.db, userId: bob.id, items: [{ conversationId: dm.id, seq: 1 }, { conversationId: dm.id, seq: 99 }] });
    expect(batch.receipts).toEqual([{ conversationId: dm.id, userId: bob.id, lastDeliveredSeq: 3, lastReadSeq: 0 }]);
    expect((await delivered).data).toEqual({ conversationId: dm.id, userId: bob.id, lastDeliveredSeq: 3, lastReadSeq: 0 });

    expect(await chat.markRead({ db: chat.db, userId: bob.id, conversationId: dm.id, seq: 2 })).toEqual({
      conversationId: dm.id,
      userId: bob.id,
      lastDeliveredSeq: 3,
      lastReadSeq: 2,
    });
    // Backwards moves change nothing and push nothing.
    expect((await chat.markRead({ db: chat.db, userId: bob.id, conversationId: dm.id, seq: 1 })).lastReadSeq).toBe(2);
    expect((await chat.markDelivered({ db: chat.db, userId: bob.id, items: [{ conversationId: dm.id, seq: 2 }] })).receipts).toEqual([]);
    // A forward move after them is the sentinel: once its receipt is in, a receipt of the backward moves would be too.
    await chat.markRead({ db: chat.db, userId: bob.id, conversationId: dm.id, seq: 3 });
    await eventually(() => receipts.some((receipt) => receipt.lastReadSeq === 3), 5_000, "the sentinel receipt");
    expect(receipts.map((receipt) => [receipt.lastDeliveredSeq, receipt.lastReadSeq])).toEqual([
      [3, 0],
      [3, 2],
      [3, 3],
    ]);

    const detail = await chat.getConversation({ db: chat.db, userId: alice.id, conversationId: dm.id });
    expect(detail.members.find((member) => member.user.id === bob.id)).toMatchObject({ lastDeliveredSeq: 3, lastReadSeq: 3 });

    // One batch across conversations: each moves on its own, and one the caller is not in is skipped.
    const group = await chat.createGroup({ db: chat.db, userId: alice.id, name: "Acks", memberIds: [bob.id] });
    await chat.send(alice.id, group.id, "g1");
    await chat.send(alice.id, group.id, "g2");
    const stranger = await chat.newUser();
    const elsewhere = await chat.startDirectConversation({ db: chat.db, userId: alice.id, otherUserId: stranger.id });
    await chat.send(alice.id, elsewhere.id, "not for bob");
    const across = await chat.markDelivered({
      db: chat.db,
      userId: bob.id,
      items: [
        { conversationId: group.id, seq: 2 },
        { conversationId: dm.id, seq: 3 },
        { conversationId: elsewhere.id, seq: 1 },
      ],
    });
    expect(across.receipts).toEqual([{ conversationId: group.id, userId: bob.id, lastDeliveredSeq: 2, lastReadSeq: 0 }]);

    // Reading implies delivery in one step.
    const [carol, dave] = await Promise.all([chat.newUser(), chat.newUser()]);
    const other = await chat.startDirectConversation({ db: chat.db, userId: carol.id, otherUserId: dave.id });
    await chat.send(carol.id, other.id, "hi");
    expect(await chat.markRead({ db: chat.db, userId: dave.id, conversationId: other.id, seq: 1 })).toMatchObject({ lastDeliveredSeq: 1, lastReadSeq: 1 });
  });
});

describe("getHistory", () => {
  it("pages by seq in both directions without gaps or repeats", async () => {
    const [alice, bob] = await Promise.all([chat.newUser(), chat.newUser()]);
    const dm = await chat.startDirectConversation({ db: chat.db, userId: alice.id, otherUserId: bob.id });
    // Seeded directly (the send path has its own tests): 120 messages, seqs 1..120.
    await chat.db.message.createMany({
      data: range(1, 120).map((seq) => ({ conversationId: dm.id, seq, senderId: seq % 2 ? alice.id : bob.id, clientId: `seed-${seq}`, body: `message ${seq}` })),
    });
    await chat.db.conversation.update({ where: { id: dm.id }, data: { lastSeq: 120 } });

    const newest = await history(bob.id, { conversationId: dm.id });
    expect(newest.messages.map((message) => message.seq)).toEqual(range(91, 120));
    expect(newest).toMatchObject({ hasOlder: true, hasNewer: false, lastSeq: 120 });
    expect(newest.messages[0]).toMatchObject({ body: "message 91", sender: { id: alice.id } });

    // Scrolling all the way up with `before` visits every message exactly once.
    const seen: number[] = [];
    let page = newest;
    seen.unshift(...page.messages.map((message) => message.seq));
    while (page.hasOlder) {
      page = await history(bob.id, { conversationId: dm.id, before: page.messages[0]?.seq, limit: 50 });
      seen.unshift(...page.messages.map((message) => message.seq));
    }
    expect(seen).toEqual(range(1, 120));

    const gapFill = await history(bob.id, { conversationId: dm.id, after: 100, limit: 10 });
    expect(gapFill.messages.map((message) => message.seq)).toEqual(range(101, 110));
    expect(gapFill).toMatchObject({ hasOlder: true, hasNewer: true });
    const between = await history(bob.id, { conversationId: dm.id, after: 10, before: 14 });
    expect(between.messages.map((message) => message.seq)).toEqual([11, 12, 13]);
    const around = await history(bob.id, { conversationId: dm.id, around: 60, limit: 10 });
    expect(around.messages.map((message) => message.seq)).toEqual(range(55, 64));
    const caughtUp = await history(bob.id, { conversationId: dm.id, after: 120 });
    expect(caughtUp).toMatchObject({ messages: [], hasOlder: true, hasNewer: false });

    expect(() => chat.GetHistoryInput.parse({ conversationId: dm.id, limit: 51 })).toThrow();
  });

  it("shows edits, tombstones for deletes, and reaction toggles, with events for each", async () => {
    const [alice, bob] = await Promise.all([chat.newUser(), chat.newUser()]);
    const dm = await chat.startDirectConversation({ db: chat.db, userId: alice.id, otherUserId: bob.id });
    const first = await chat.send(alice.id, dm.id, "frist");
    const second = await chat.send(alice.id, dm.id, "delete me");
    const tab = await connectClient(chat.target);
    const channel = await subscribed(tab, `private-chat-${dm.id}`);

    const edited = nextEvent<{ id: string; preview: string }>(channel, "message-edited");
    const view = await chat.editMessage({ db: chat.db, userId: alice.id, messageId: first.id, body: "first" });
    expect(view).toMatchObject({ body: "first", seq: 1 });
    expect(view.editedAt).toBeInstanceOf(Date);
    expect((await edited).data).toMatchObject({ id: first.id, preview: "first" });

    const reacted = nextEvent<{ added: boolean }>(channel, "reaction");
    const added = await chat.toggleReaction({ db: chat.db, userId: bob.id, messageId: first.id, emoji: "👍🏽" });
    expect(added).toMatchObject({ added: true, reactions: [{ emoji: "👍🏽", count: 1, userIds: [bob.id], mine: true }] });
    expect((await reacted).data.added).toBe(true);
    await chat.toggleReaction({ db: chat.db, userId: alice.id, messageId: first.id, emoji: "👍🏽" });
    expect((await chat.toggleReaction({ db: chat.db, userId: bob.id, messageId: first.id, emoji: "👍🏽" })).reactions).toEqual([
      { emoji: "👍🏽", count: 1, userIds: [alice.id], mine: false },
    ]);
    for (const emoji of ["two words", "👍👍", "", "x".repeat(40)]) {
      expect(chat.ToggleReactionInput.safeParse({ messageId: first.id, emoji }).success, emoji).toBe(false);
    }

    const deleted = nextEvent<{ id: string; seq: number }>(channel, "message-deleted");
    await chat.deleteMessage({ db: chat.db, storage: chat.storage, userId: alice.id, messageId: second.id });
    expect((await deleted).data).toMatchObject({ id: second.id, seq: 2 });
    await expect(chat.editMessage({ db: chat.db, userId: alice.id, messageId: second.id, body: "undo" })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const page = await history(bob.id, { conversationId: dm.id });
    expect(page.messages.map((message) => [message.seq, message.body, message.deletedAt !== null])).toEqual([
      [1, "first", false],
      [2, "", true],
    ]);
    expect(page.messages[0]?.reactions).toEqual([{ emoji: "👍🏽", count: 1, userIds: [alice.id], mine: false }]);
    const summary = (await list(bob.id)).items.find((item) => item.id === dm.id);
    expect(summary?.lastMessage).toMatchObject({ seq: 2, deleted: true, preview: "" });
  });
});

describe("groups", () => {
  it("lets admins rename and add, and tells new members on their channel", async () => {
    const [alice, bob, carol] = await Promise.all([chat.newUser(), chat.newUser(), chat.newUser()]);
    const group = await chat.createGroup({ db: chat.db, userId: alice.id, name: "  Trip  ", memberIds: [bob.id, bob.id] });
    expect(group).toMatchObject({ name: "Trip", role: "admin", memberCount: 2 });
    await chat.send(alice.id, group.id, "before carol");

    const carolsTab = await connectClient(chat.target);
    const carolsChannel = await subscribed(carolsTab, `private-user-${carol.id}`);
    const added = nextEvent<{ conversationId: string }>(carolsChannel, "chat.conversation-added");
    expect(await chat.addMembers({ db: chat.db, userId: alice.id, conversationId: group.id, userIds: [bob.id, carol.id] })).toEqual({
      conversationId: group.id,
      added: [carol.id],
    });
    expect((await added).data.conversationId).toBe(group.id);
    // New members start caught up.
    expect((await list(carol.id)).items.find((item) => item.id === group.id)).toMatchObject({ unreadCount: 0, lastReadSeq: 1 });

    await expect(chat.renameGroup({ db: chat.db, userId: bob.id, conversationId: group.id, name: "Mine now" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await chat.renameGroup({ db: chat.db, userId: alice.id, conversationId: group.id, name: "Road trip" });
    expect((await chat.getConversation({ db: chat.db, userId: carol.id, conversationId: group.id })).name).toBe("Road trip");
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}
