import { z } from "zod";
import type { Db } from "@/server/platform/db";
import { parseStoredAttachments } from "../attachments/attachments";
import { CHAT_EVENTS } from "../chat-channels";
import { publishToConversation } from "../publish-chat-events";
import { MESSAGE_INCLUDE, toMessageView, type MessageView } from "../chat-views";
import { getOwnMessageOrThrow } from "./get-own-message-or-throw";
import { messageBodyOrThrow, previewOf } from "./message-body";

export const EditMessageInput = z.object({ messageId: z.string().min(1).max(64), body: z.string().max(64 * 1024) });

/** Payload of `message-edited`: like the `message` envelope, the body's first 1 KB; fetch when `truncated`. */
export type MessageEditedEvent = { conversationId: string; id: string; seq: number; preview: string; truncated: boolean; editedAt: string };

/** Replaces the body of one of my messages (same limits as sending); the seq and position stay. */
export async function editMessage({ db, userId, messageId, body: rawBody }: { db: Db; userId: string; messageId: string; body: string }): Promise<MessageView> {
  const message = await getOwnMessageOrThrow({ db, userId, messageId });
  const body = messageBodyOrThrow(rawBody, { allowEmpty: parseStoredAttachments(message.attachments).length > 0 });
  const updated = await db.message.update({ where: { id: messageId }, data: { body, editedAt: new Date() }, include: MESSAGE_INCLUDE });
  const view = toMessageView(updated, userId);
  const event: MessageEditedEvent = {
    conversationId: view.conversationId,
    id: view.id,
    seq: view.seq,
    ...previewOf(view.body),
    editedAt: (view.editedAt ?? new Date()).toISOString(),
  };
  await publishToConversation(view.conversationId, CHAT_EVENTS.messageEdited, event);
  return view;
}
