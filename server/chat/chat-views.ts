import type { Prisma } from "@/server/generated/prisma/client";
import { parseStoredAttachments, type ChatAttachment } from "./attachments/attachments";
import { readLinkPreview, type LinkPreview } from "./link-previews/link-preview";
import { previewOf } from "./messages/message-body";

/** What the UI shows of a person: a name, an @username and an avatar URL. */
export type ChatUser = { id: string; name: string; username: string | null; image: string | null };

export const CHAT_USER_SELECT = { id: true, name: true, username: true, image: true } as const satisfies Prisma.UserSelect;

export type ReactionSummary = {
  emoji: string;
  count: number;
  /** Who reacted, oldest first (at most 20 ids). */
  userIds: string[];
  /** True when the viewer is one of them. */
  mine: boolean;
};

export type ReplyPreview = { id: string; seq: number; senderId: string; preview: string; deleted: boolean };

export type MessageView = {
  id: string;
  conversationId: string;
  seq: number;
  senderId: string;
  sender: ChatUser;
  clientId: string;
  /** Empty when deleted. */
  body: string;
  replyTo: ReplyPreview | null;
  attachments: ChatAttachment[];
  reactions: ReactionSummary[];
  /** Pinned to the conversation (chat.pin); its list is chat.pinned. */
  pinned: boolean;
  /** Replies in its thread (chat.thread) and the newest one's time. */
  threadReplyCount: number;
  threadLastReplyAt: Date | null;
  /** Its first link's card, once the chat-link-preview job has read the page. */
  linkPreview: LinkPreview | null;
  editedAt: Date | null;
  deletedAt: Date | null;
  createdAt: Date;
};

/**
 * What `message` realtime events carry: small (< 1.5 KB), so any valid message fits a gateway frame.
 * Under concurrent sends they may arrive out of seq order but never skip a committed seq: order by
 * seq, and on a gap (or when truncated / with attachments) fetch the history after the last one held.
 */
export type MessageEnvelope = {
  conversationId: string;
  id: string;
  seq: number;
  senderId: string;
  senderName: string;
  clientId: string;
  /** The body's first ≤ 1 KB of UTF-8; when `truncated`, fetch the message for the rest. */
  preview: string;
  truncated: boolean;
  attachmentCount: number;
  replyToId: string | null;
  /** ISO-8601. */
  createdAt: string;
};

export const MESSAGE_INCLUDE = {
  sender: { select: CHAT_USER_SELECT },
  replyTo: { select: { id: true, seq: true, senderId: true, body: true, deletedAt: true } },
  reactions: { select: { emoji: true, userId: true }, orderBy: { createdAt: "asc" } },
} as const satisfies Prisma.MessageInclude;

export type MessageRow = Prisma.MessageGetPayload<{ include: typeof MESSAGE_INCLUDE }>;

const MAX_REACTION_USER_IDS = 20;

export function toMessageView(row: MessageRow, viewerId: string): MessageView {
  return {
    id: row.id,
    conversationId: row.conversationId,
    seq: row.seq,
    senderId: row.senderId,
    sender: row.sender,
    clientId: row.clientId,
    body: row.deletedAt ? "" : row.body,
    replyTo: row.replyTo ? toReplyPreview(row.replyTo) : null,
    attachments: row.deletedAt ? [] : parseStoredAttachments(row.attachments),
    reactions: row.deletedAt ? [] : summarizeReactions(row.reactions, viewerId),
    pinned: row.pinnedAt !== null,
    threadReplyCount: row.threadReplyCount,
    threadLastReplyAt: row.threadLastReplyAt,
    linkPreview: row.deletedAt ? null : readLinkPreview(row.linkPreview),
    editedAt: row.editedAt,
    deletedAt: row.deletedAt,
    createdAt: row.createdAt,
  };
}

export function toReplyPreview(row: { id: string; seq: number; senderId: string; body: string; deletedAt: Date | null }): ReplyPreview {
  return {
    id: row.id,
    seq: row.seq,
    senderId: row.senderId,
    preview: row.deletedAt ? "" : previewOf(row.body, 200).preview,
    deleted: row.deletedAt !== null,
  };
}

export function summarizeReactions(rows: Array<{ emoji: string; userId: string }>, viewerId: string): ReactionSummary[] {
  const byEmoji = new Map<string, ReactionSummary>();
  for (const { emoji, userId } of rows) {
    let summary = byEmoji.get(emoji);
    if (!summary) {
      summary = { emoji, count: 0, userIds: [], mine: false };
      byEmoji.set(emoji, summary);
    }
    summary.count++;
    if (summary.userIds.length < MAX_REACTION_USER_IDS) summary.userIds.push(userId);
    if (userId === viewerId) summary.mine = true;
  }
  return [...byEmoji.values()];
}

export function toEnvelope(message: MessageView): MessageEnvelope {
  const { preview, truncated } = previewOf(message.body);
  return {
    conversationId: message.conversationId,
    id: message.id,
    seq: message.seq,
    senderId: message.senderId,
    senderName: message.sender.name,
    clientId: message.clientId,
    preview,
    truncated,
    attachmentCount: message.attachments.length,
    replyToId: message.replyTo?.id ?? null,
    createdAt: message.createdAt.toISOString(),
  };
}
