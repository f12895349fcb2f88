import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeEverything, connectClient, nextEvent, subscribed } from "@/server/realtime/gateway/gateway-test-kit";
import { startChatStack, type ChatStack } from "../chat-test-kit";

/**
 * Threads (Slack): replies under a message, ordered and idempotent, outside
 * the main timeline, live on the conversation's channel, notifying the
 * parent's author (not when muted) and the members a reply @mentions (even
 * when muted), read in the bell when the thread is opened, readable after the
 * parent's deletion and after an account's erasure, for members only.
 */
let chat: ChatStack;
let threads: typeof import("./reply-in-thread") &
  typeof import("./get-thread") &
  typeof import("./notify-thread-reply-recipients") &
  typeof import("../receipts/mark-thread-notifications-read");
let eraser: typeof import("../messages/erase-account-messages");

beforeAll(async () => {
  chat = await startChatStack({ RATE_LIMIT_CHAT_SEND_POINTS: "1000" });
  threads = {
    ...(await import("./reply-in-thread")),
    ...(await import("./get-thread")),
    ...(await import("./notify-thread-reply-recipients")),
    ...(await import("../receipts/mark-thread-notifications-read")),
  };
  eraser = await import("../messages/erase-account-messages");
});

afterAll(async () => {
  await closeEverything();
  await chat?.db.$disconnect();
});

/** Replies as `senderId`; the deferred notification is awaited, not detached. */
async function reply(senderId: string, messageId: string, body: string, clientId = randomUUID()) {
  const pending: Array<Promise<void>> = [];
  const stored = await threads.replyInThread({
    db: chat.db,
    senderId,
    input: threads.ReplyInThreadInput.parse({ messageId, clientId, body }),
    defer: (task) => pending.push(task()),
  });
  await Promise.all(pending);
  return stored;
}

const threadOf = (userId: string, messageId: string) => threads.getThread({ db: chat.db, userId, messageId });
const notificationsOf = (userId: string) => chat.db.notification.findMany({ where: { userId, kind: threads.CHAT_THREAD_REPLY_KIND } });
const mentionsOf = (userId: string) => chat.db.notification.findMany({ where: { userId, kind: "chat.mention" }, orderBy: { createdAt: "asc" } });
const unreadOf = (userId: string) => chat.db.notification.findMany({ where: { userId, readAt: null }, select: { kind: true, payload: true } });
const uniqueName = (name: string) => `${name}_${randomUUID().replaceAll("-", "").slice(0, 12)}`;

describe("threads", () => {
  it("keeps replies in order and once per client id, out of the timeline, live with the parent's count", async () => {
    const [alice, bob] = await Promise.all([chat.newUser(), chat.newUser()]);
    const group = await chat.createGroup({ db: chat.db, userId: alice.id, name: "Threads", memberIds: [bob.id] });
    const parent = await chat.send(alice.id, group.id, "Where do we meet?");
    const tab = await connectClient(chat.target);
    const channel = await subscribed(tab, `private-chat-${group.id}`);

    const live = nextEvent<{ parentId: string; parentSeq: number; replySeq: number; threadReplyCount: number }>(channel, "thread-reply");
    const clientId = randomUUID();
    const first = await reply(bob.id, parent.id, "At the station", clientId);
    expect((await live).data).toMatchObject({ parentId: parent.id, parentSeq: parent.seq, replySeq: 1, threadReplyCount: 1 });
    expect(await reply(bob.id, parent.id, "At the station", clientId)).toMatchObject({ id: first.id, seq: 1 });
    const together = await Promise.all([reply(alice.id, parent.id, "Which exit?"), reply(bob.id, parent.id, "North"), reply(alice.id, parent.id, "Fine")]);
    expect(together.map((stored) => stored.seq).sort()).toEqual([2, 3, 4]);

    const thread = await threadOf(alice.id, parent.id);
    expect(thread.parent).toMatchObject({ id: parent.id, threadReplyCount: 4 });
    expect(thread.parent.threadLastReplyAt).toBeInstanceOf(Date);
    expect(thread.replies.map((stored) => stored.seq)).toEqual([1, 2, 3, 4]);
    expect(thread.replies[0]).toMatchObject({ body: "At the station", sender: { id: bob.id } });

    // Not in the main timeline: no seq taken, no sidebar preview.
    const history = await chat.getHistory({ db: chat.db, userId: alice.id, input: chat.GetHistoryInput.parse({ conversationId: group.id }) });
    expect(history.messages.map((message) => message.id)).toEqual([parent.id]);
    expect(history.messages[0]).toMatchObject({ threadReplyCount: 4 });
    const list = await chat.listConversations({ db: chat.db, userId: bob.id, input: chat.ListConversationsInput.parse({}) });
    expect(list.items.find((item) => item.id === group.id)).toMatchObject({ lastSeq: 1, lastMessage: { id: parent.id } });
  });

  it("refuses non-members, empty and over-long replies, and a full thread", async () => {
    const [alice, bob, mallory] = await Promise.all([chat.newUser(), chat.newUser(), chat.newUser()]);
    const dm = await chat.startDirectConversation({ db: chat.db, userId: alice.id, otherUserId: bob.id });
    const parent = await chat.send(alice.id, dm.id, "Private");
    await reply(bob.id, parent.id, "Private reply");

    await expect(threadOf(mallory.id, parent.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(reply(mallory.id, parent.id, "Let me in")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(threadOf(alice.id, randomUUID())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(reply(alice.id, parent.id, "   ")).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(reply(alice.id, parent.id, "x".repeat(4_001))).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE", message: expect.stringContaining("4,000 characters") });
    expect(await reply(alice.id, parent.id, "x".repeat(4_000))).toMatchObject({ seq: 2 });

    // A full thread: the count is the thread's seq counter, so set it at the limit.
    await chat.db.message.update({ where: { id: parent.id }, data: { threadReplyCount: threads.MAX_REPLIES_PER_THREAD } });
    await expect(reply(bob.id, parent.id, "One more")).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining(`at most ${threads.MAX_REPLIES_PER_THREAD.toLocaleString("en")} replies`),
    });
    expect((await chat.db.message.findUniqueOrThrow({ where: { id: parent.id } })).threadReplyCount).toBe(threads.MAX_REPLIES_PER_THREAD);
  });

  it("notifies the parent's author of others' replies, not of their own, and not while muted", async () => {
    const [alice, bob] = await Promise.all([chat.newUser(), chat.newUser()]);
    const group = await chat.createGroup({ db: chat.db, userId: alice.id, name: "Notify", memberIds: [bob.id] });
    const parent = await chat.send(alice.id, group.id, "Thoughts?");
    await reply(alice.id, parent.id, "Mine first");
    await reply(bob.id, parent.id, "Looks good");
    const notified = await notificationsOf(alice.id);
    expect(notified).toHaveLength(1);
    expect(notified[0]?.payload).toMatchObject({ conversationId: group.id, messageId: parent.id, senderName: bob.name, preview: "Looks good" });

    await chat.db.conversationMember.update({ where: { conversationId_userId: { conversationId: group.id, userId: alice.id } }, data: { muted: true } });
    await reply(bob.id, parent.id, "Still there?");
    expect(await notificationsOf(alice.id)).toHaveLength(1);
  });

  it("notifies the members a reply @mentions, even in a muted conversation, by the timeline's rule, once each", async () => {
    const [alice, bob, carol, dave] = await Promise.all([chat.newUser(uniqueName("alice")), chat.newUser(), chat.newUser(uniqueName("carol")), chat.newUser(uniqueName("dave"))]);
    const group = await chat.createGroup({ db: chat.db, userId: alice.id, name: "Mentions", memberIds: [bob.id, carol.id] });
    await chat.db.conversationMember.update({ where: { conversationId_userId: { conversationId: group.id, userId: carol.id } }, data: { muted: true } });
    const parent = await chat.send(alice.id, group.id, "Plan for Saturday?");
    // Carol muted the conversation and is mentioned; Dave is no member; Alice wrote the parent and is mentioned too.
    const stored = await reply(bob.id, parent.id, `@${carol.username} and @${dave.username}, @${alice.username} asks`);
    const [carolMentions, daveMentions, aliceMentions] = await Promise.all([mentionsOf(carol.id), mentionsOf(dave.id), mentionsOf(alice.id)]);
    expect(carolMentions).toHaveLength(1);
    expect(carolMentions[0]?.payload).toMatchObject({ conversationId: group.id, messageId: parent.id, seq: parent.seq, replyId: stored.id, senderName: bob.name });
    expect(daveMentions).toHaveLength(0);
    // One bell entry for Alice, the mention, not also "replied in your thread".
    expect(aliceMentions).toHaveLength(1);
    expect(await notificationsOf(alice.id)).toHaveLength(0);
    // Writing your own name notifies no one.
    await reply(carol.id, parent.id, `note to self @${carol.username}`);
    expect(await mentionsOf(carol.id)).toHaveLength(1);
  });

  it("reads the thread's bell entries when the thread is opened, and only those; reading the timeline leaves them", async () => {
    const [alice, bob] = await Promise.all([chat.newUser(uniqueName("alice")), chat.newUser()]);
    const group = await chat.createGroup({ db: chat.db, userId: alice.id, name: "Bell", memberIds: [bob.id] });
    const parent = await chat.send(alice.id, group.id, "First topic");
    const other = await chat.send(alice.id, group.id, "Second topic");
    await reply(bob.id, parent.id, "On the first");
    await reply(bob.id, parent.id, `@${alice.username} look`);
    await reply(bob.id, other.id, "On the second");
    const mention = await chat.send(bob.id, group.id, `@${alice.username} in the timeline`);
    expect(await unreadOf(alice.id)).toHaveLength(4);

    // Reading the whole timeline reads its own mention, not the thread entries (a thread mention carries the parent's seq).
    await chat.markRead({ db: chat.db, userId: alice.id, conversationId: group.id, seq: mention.seq });
    expect((await unreadOf(alice.id)).map((entry) => entry.kind).sort()).toEqual(["chat.mention", "chat.thread-reply", "chat.thread-reply"]);

    expect(await threads.markThreadNotificationsRead({ db: chat.db, userId: alice.id, messageId: parent.id })).toEqual({ read: 2 });
    const left = await unreadOf(alice.id);
    expect(left).toHaveLength(1);
    expect(left[0]?.payload).toMatchObject({ messageId: other.id });
    expect(await threads.markThreadNotificationsRead({ db: chat.db, userId: alice.id, messageId: parent.id })).toEqual({ read: 0 });
    // Someone outside the conversation cannot touch it, nor learn whether the message exists.
    const mallory = await chat.newUser();
    await expect(threads.markThreadNotificationsRead({ db: chat.db, userId: mallory.id, messageId: other.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(threads.markThreadNotificationsRead({ db: chat.db, userId: mallory.id, messageId: randomUUID() })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("stays readable after the parent is deleted and after a replier's account is erased", async () => {
    const [alice, bob] = await Promise.all([chat.newUser(), chat.newUser()]);
    const group = await chat.createGroup({ db: chat.db, userId: alice.id, name: "Erase", memberIds: [bob.id] });
    const parent = await chat.send(alice.id, group.id, "To be deleted");
    await reply(bob.id, parent.id, "Bob's reply");
    await reply(alice.id, parent.id, "Alice's reply");

    await chat.deleteMessage({ db: chat.db, storage: chat.storage, userId: alice.id, messageId: parent.id });
    await eraser.eraseAccountMessages.erase({ db: chat.db, redis: chat.redis, storage: chat.storage, userId: bob.id });

    const thread = await threadOf(alice.id, parent.id);
    expect(thread.parent).toMatchObject({ body: "", threadReplyCount: 2 });
    expect(thread.parent.deletedAt).toBeInstanceOf(Date);
    expect(thread.replies.map((stored) => [stored.seq, stored.sender.id, stored.body])).toEqual([
      [1, eraser.DELETED_SENDER.id, ""],
      [2, alice.id, "Alice's reply"],
    ]);
    expect(thread.replies[0]?.deletedAt).toBeInstanceOf(Date);
  });
});
