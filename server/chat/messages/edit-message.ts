import { z } from "zod";
import { Prisma } from "@/server/generated/prisma/client";
import type { Db } from "@/server/platform/db";
import { enqueue } from "@/server/platform/queue";
import { consume, rateLimitError } from "@/server/platform/ratelimit";
import { parseStoredAttachments } from "../attachments/attachments";
import { CHAT_EVENTS } from "../chat-channels";
import { publishToConversation } from "../publish-chat-events";
import { MESSAGE_INCLUDE, toMessageView, type MessageView } from "../chat-views";
import { firstLinkIn } from "../link-previews/first-link";
import { readLinkPreview, type LinkPreview } from "../link-previews/link-preview";
import { deferAfterResponse } from "./defer-after-response";
import { getOwnMessageOrThrow } from "./get-own-message-or-throw";
import { messageBodyOrThrow, previewOf } from "./message-body";
import type { Defer } from "./send-message";

export const EditMessageInput = z.object({ messageId: z.string().min(1).max(64), body: z.string().max(64 * 1024) });

/**
 * Payload of `message-edited`: like the `message` envelope, the body's first 1 KB; fetch when `truncated`.
 * `linkPreview` is the card after the edit: kept while the first link stays, null once it changed or went
 * (a new link's card follows as `message-link-preview`).
 */
export type MessageEditedEvent = { conversationId: string; id: string; seq: number; preview: string; truncated: boolean; editedAt: string; linkPreview: LinkPreview | null };

/**
 * Replaces the body of one of my messages (same limits as sending); the seq
 * and position stay. An edit that changes the first link drops the old card in
 * the same update and has the worker read the new link's (deferred); removing
 * the link removes the card. Edits spend from the sender's message window
 * (chat-send): each one is pushed to every member and may send the worker to a
 * new address, so an edit loop must not do what a send loop cannot.
 */
export async function editMessage({
  db,
  userId,
  messageId,
  body: rawBody,
  defer = deferAfterResponse,
}: {
  db: Db;
  userId: string;
  messageId: string;
  body: string;
  defer?: Defer;
}): Promise<MessageView> {
  const message = await getOwnMessageOrThrow({ db, userId, messageId });
  const body = messageBodyOrThrow(rawBody, { allowEmpty: parseStoredAttachments(message.attachments).length > 0 });
  const limit = await consume("chat-send", userId);
  if (!limit.allowed) throw rateLimitError(limit);
  const link = firstLinkIn(body);
  const linkChanged = readLinkPreview(message.linkPreview)?.url !== (link ?? undefined);
  const updated = await db.message.update({
    where: { id: messageId },
    data: { body, editedAt: new Date(), ...(linkChanged ? { linkPreview: Prisma.DbNull } : {}) },
    include: MESSAGE_INCLUDE,
  });
  const view = toMessageView(updated, userId);
  const event: MessageEditedEvent = {
    conversationId: view.conversationId,
    id: view.id,
    seq: view.seq,
    ...previewOf(view.body),
    editedAt: (view.editedAt ?? new Date()).toISOString(),
    linkPreview: view.linkPreview,
  };
  await publishToConversation(view.conversationId, CHAT_EVENTS.messageEdited, event);
  if (link && linkChanged) defer(() => enqueue("chat-link-preview", { messageId }));
  return view;
}
