import { randomUUID } from "node:crypto";
import type { Db } from "@/server/platform/db";
import { dmKeyOf } from "../conversations/start-direct-conversation";
import { messageInserterFor } from "../messages/insert-messages";
import { DEMO_CONVERSATIONS, type DemoConversation } from "./demo-chat-data";

const MINUTE_MS = 60_000;
/** Time between two demo messages of a conversation. */
const MESSAGE_GAP_MS = 7 * MINUTE_MS;

export type ChatSeedResult = { conversationsFilled: number; messagesCreated: number };

/**
 * The demo Chat, idempotent: each conversation of DEMO_CONVERSATIONS among
 * the demo people gets its messages only while it has none. Messages go in
 * through the same inserter as a send (seqs, membership), then are dated over
 * the last hours, with their reactions and pin, and read up to where the demo
 * wants unread messages. Rows only, nothing published: the seed runs before
 * the realtime gateway, and nobody is connected yet.
 */
export async function seedDemoChat({
  db,
  userIds,
  now = new Date(),
}: {
  db: Db;
  /** The demo accounts' ids by username; a conversation with someone absent is skipped. */
  userIds: Readonly<Record<string, string>>;
  now?: Date;
}): Promise<ChatSeedResult> {
  const result: ChatSeedResult = { conversationsFilled: 0, messagesCreated: 0 };
  for (const [position, demo] of DEMO_CONVERSATIONS.entries()) {
    const people = demo.people.map((username) => userIds[username]);
    if (people.some((id) => id === undefined)) continue;
    const conversationId = await conversationFor(db, demo, people as string[]);
    if ((await db.message.count({ where: { conversationId } })) > 0) continue;
    // Conversations end at different times, the first one most recently.
    const lastAt = now.getTime() - (3 + position * 90) * MINUTE_MS;
    await fillConversation(db, demo, conversationId, userIds, lastAt);
    result.conversationsFilled += 1;
    result.messagesCreated += demo.messages.length;
  }
  return result;
}

async function conversationFor(db: Db, demo: DemoConversation, [starter, ...others]: string[]): Promise<string> {
  const creator = starter as string;
  const members = { create: [{ userId: creator, role: demo.groupName ? ("admin" as const) : ("member" as const) }, ...others.map((userId) => ({ userId, role: "member" as const }))] };
  if (!demo.groupName) {
    const dmKey = dmKeyOf(creator, others[0] as string);
    return (await db.conversation.upsert({ where: { dmKey }, update: {}, create: { kind: "dm", dmKey, createdById: creator, members }, select: { id: true } })).id;
  }
  const existing = await db.conversation.findFirst({ where: { kind: "group", name: demo.groupName, createdById: creator }, select: { id: true } });
  return existing?.id ?? (await db.conversation.create({ data: { kind: "group", name: demo.groupName, createdById: creator, members }, select: { id: true } })).id;
}

async function fillConversation(db: Db, demo: DemoConversation, conversationId: string, userIds: Readonly<Record<string, string>>, lastAt: number): Promise<void> {
  const inserter = messageInserterFor(db);
  const count = demo.messages.length;
  for (const [index, message] of demo.messages.entries()) {
    const senderId = userIds[message.from] as string;
    const id = randomUUID();
    const stored = await inserter.submit({ id, conversationId, senderId, clientId: `demo-${demo.slug}-${index}`, body: message.body, replyToId: null, attachments: [] });
    if (stored.outcome !== "inserted") throw new Error(`demo message ${demo.slug}/${index} was not inserted: ${stored.outcome}`);
    const createdAt = new Date(lastAt - (count - 1 - index) * MESSAGE_GAP_MS);
    await db.message.update({ where: { id }, data: { createdAt, ...(message.pinned ? { pinnedAt: createdAt, pinnedById: senderId } : {}) } });
    if (message.reactions) {
      await db.messageReaction.createMany({ data: message.reactions.map((reaction) => ({ messageId: id, userId: userIds[reaction.by] as string, emoji: reaction.emoji, createdAt })) });
    }
  }
  await db.conversation.update({ where: { id: conversationId }, data: { lastMessageAt: new Date(lastAt), lastActivityAt: new Date(lastAt) } });
  // Everyone has read everything, but the first person the newest few.
  await db.conversationMember.updateMany({ where: { conversationId }, data: { lastReadSeq: count, lastDeliveredSeq: count } });
  const first = userIds[demo.people[0] as string] as string;
  await db.conversationMember.update({ where: { conversationId_userId: { conversationId, userId: first } }, data: { lastReadSeq: count - demo.unreadForFirst } });
}
