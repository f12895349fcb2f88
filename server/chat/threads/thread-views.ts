import type { Prisma } from "@/server/generated/prisma/client";
import { CHAT_USER_SELECT, type ChatUser } from "../chat-views";
import { readLinkPreview, type LinkPreview } from "../link-previews/link-preview";

/** One reply of a thread as the thread panel shows it. */
export type ThreadReplyView = {
  id: string;
  parentId: string;
  /** Its place in the thread: 1, 2, 3… without gaps. */
  seq: number;
  senderId: string;
  sender: ChatUser;
  clientId: string;
  /** Empty when erased with its author's account. */
  body: string;
  deletedAt: Date | null;
  /** Its first link's card, once the chat-link-preview job has read the page. */
  linkPreview: LinkPreview | null;
  createdAt: Date;
};

/**
 * Payload of `thread-reply` on the conversation's channel: enough for the
 * parent's "N replies" line; the thread panel fetches the replies themselves.
 */
export type ThreadReplyEvent = {
  conversationId: string;
  parentId: string;
  parentSeq: number;
  replyId: string;
  replySeq: number;
  senderId: string;
  threadReplyCount: number;
  /** ISO-8601. */
  threadLastReplyAt: string;
};

export const THREAD_REPLY_INCLUDE = { sender: { select: CHAT_USER_SELECT } } as const satisfies Prisma.ThreadReplyInclude;

type ThreadReplyRow = Prisma.ThreadReplyGetPayload<{ include: typeof THREAD_REPLY_INCLUDE }>;

export function toThreadReplyView(row: ThreadReplyRow): ThreadReplyView {
  return {
    id: row.id,
    parentId: row.parentId,
    seq: row.seq,
    senderId: row.senderId,
    sender: row.sender,
    clientId: row.clientId,
    body: row.deletedAt ? "" : row.body,
    deletedAt: row.deletedAt,
    linkPreview: row.deletedAt ? null : readLinkPreview(row.linkPreview),
    createdAt: row.createdAt,
  };
}
