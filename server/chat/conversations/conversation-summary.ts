import type { ConversationKind, ConversationRole } from "@/server/generated/prisma/client";
import type { Db } from "@/server/platform/db";
import { parseStoredAttachments } from "../attachments/attachments";
import { CHAT_USER_SELECT, type ChatUser } from "../chat-views";
import { previewOf } from "../messages/message-body";

export type LastMessagePreview = {
  id: string;
  seq: number;
  senderId: string;
  senderName: string;
  /** The body's first ≤ 200 bytes of UTF-8; empty when deleted. */
  preview: string;
  deleted: boolean;
  attachmentCount: number;
  createdAt: Date;
};

/** One row of the sidebar, as the viewer sees it. */
export type ConversationSummary = {
  id: string;
  kind: ConversationKind;
  /** The group's name, or the other person's name for a DM. */
  name: string;
  /** DMs: the other person (for the avatar, online dot and last seen). Null for groups. */
  otherMember: ChatUser | null;
  memberCount: number;
  /** Up to 4 active members, earliest joined first, for stacked avatars. */
  memberPreview: ChatUser[];
  /** The viewer's role and settings. */
  role: ConversationRole;
  muted: boolean;
  lastSeq: number;
  lastReadSeq: number;
  lastDeliveredSeq: number;
  /** lastSeq − lastReadSeq. */
  unreadCount: number;
  lastMessage: LastMessagePreview | null;
  lastActivityAt: Date;
  createdAt: Date;
};

type Membership = {
  conversationId: string;
  role: ConversationRole;
  muted: boolean;
  lastReadSeq: number;
  lastDeliveredSeq: number;
};

const MEMBER_PREVIEW = 4;

/** Builds summaries for the viewer's memberships in three queries whatever their number; keeps the given order. */
export async function loadConversationSummaries({
  db,
  viewerId,
  memberships,
}: {
  db: Db;
  viewerId: string;
  memberships: Membership[];
}): Promise<ConversationSummary[]> {
  if (memberships.length === 0) return [];
  const ids = memberships.map((membership) => membership.conversationId);
  const conversations = await db.conversation.findMany({
    where: { id: { in: ids } },
    include: {
      members: { where: { leftAt: null }, orderBy: { joinedAt: "asc" }, take: MEMBER_PREVIEW, select: { user: { select: CHAT_USER_SELECT } } },
      _count: { select: { members: { where: { leftAt: null } } } },
    },
  });
  const withMessages = conversations.filter((conversation) => conversation.lastSeq > 0);
  const lastMessages =
    withMessages.length === 0
      ? []
      : await db.message.findMany({
          where: { OR: withMessages.map((conversation) => ({ conversationId: conversation.id, seq: conversation.lastSeq })) },
          include: { sender: { select: { name: true } } },
        });
  const byConversation = new Map(conversations.map((conversation) => [conversation.id, conversation]));
  const lastByConversation = new Map(lastMessages.map((message) => [message.conversationId, message]));

  return memberships.flatMap((membership) => {
    const conversation = byConversation.get(membership.conversationId);
    if (!conversation) return [];
    const users = conversation.members.map((member) => member.user);
    const otherMember = conversation.kind === "dm" ? (users.find((user) => user.id !== viewerId) ?? null) : null;
    const last = lastByConversation.get(conversation.id);
    const summary: ConversationSummary = {
      id: conversation.id,
      kind: conversation.kind,
      name: conversation.kind === "group" ? (conversation.name ?? "Group") : (otherMember?.name ?? "Direct message"),
      otherMember,
      memberCount: conversation._count.members,
      memberPreview: users,
      role: membership.role,
      muted: membership.muted,
      lastSeq: conversation.lastSeq,
      lastReadSeq: membership.lastReadSeq,
      lastDeliveredSeq: membership.lastDeliveredSeq,
      unreadCount: Math.max(0, conversation.lastSeq - membership.lastReadSeq),
      lastMessage: last
        ? {
            id: last.id,
            seq: last.seq,
            senderId: last.senderId,
            senderName: last.sender.name,
            preview: last.deletedAt ? "" : previewOf(last.body, 200).preview,
            deleted: last.deletedAt !== null,
            attachmentCount: last.deletedAt ? 0 : parseStoredAttachments(last.attachments).length,
            createdAt: last.createdAt,
          }
        : null,
      lastActivityAt: conversation.lastActivityAt,
      createdAt: conversation.createdAt,
    };
    return [summary];
  });
}

/** One conversation's summary for the viewer (after a create, start or rename). */
export async function loadConversationSummary({ db, viewerId, conversationId }: { db: Db; viewerId: string; conversationId: string }) {
  const membership = await db.conversationMember.findUniqueOrThrow({ where: { conversationId_userId: { conversationId, userId: viewerId } } });
  const [summary] = await loadConversationSummaries({ db, viewerId, memberships: [membership] });
  if (!summary) throw new Error(`conversation ${conversationId} vanished`);
  return summary;
}
