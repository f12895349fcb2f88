import { z } from "zod";
import type { Db } from "@/server/platform/db";
import type { ObjectStore } from "@/server/platform/storage";
import { parseStoredAttachments } from "../attachments/attachments";
import { CHAT_EVENTS } from "../chat-channels";
import { chatLog, publishToConversation } from "../publish-chat-events";
import { getOwnMessageOrThrow } from "./get-own-message-or-throw";

export const DeleteMessageInput = z.object({ messageId: z.string().min(1).max(64) });

/** Payload of `message-deleted`. */
export type MessageDeletedEvent = { conversationId: string; id: string; seq: number; deletedAt: string };

/**
 * Deletes one of my messages. The row stays as a tombstone (its seq must, or
 * clients would see a gap), but the body, attachments and reactions go, and
 * the files are removed from storage.
 */
export async function deleteMessage({
  db,
  storage,
  userId,
  messageId,
}: {
  db: Db;
  storage: Pick<ObjectStore, "deleteObject">;
  userId: string;
  messageId: string;
}): Promise<MessageDeletedEvent> {
  const message = await getOwnMessageOrThrow({ db, userId, messageId });
  const deletedAt = new Date();
  await db.$transaction([
    db.message.update({ where: { id: messageId }, data: { body: "", attachments: [], deletedAt, pinnedAt: null, pinnedById: null } }),
    db.messageReaction.deleteMany({ where: { messageId } }),
  ]);
  const keys = parseStoredAttachments(message.attachments).flatMap((file) => (file.thumbKey ? [file.key, file.thumbKey] : [file.key]));
  await Promise.all(
    keys.map((key) =>
      storage.deleteObject(key).catch((error: unknown) => chatLog.warn({ key, err: error instanceof Error ? error.message : String(error) }, "could not delete a chat file")),
    ),
  );
  const event: MessageDeletedEvent = { conversationId: message.conversationId, id: message.id, seq: message.seq, deletedAt: deletedAt.toISOString() };
  await publishToConversation(message.conversationId, CHAT_EVENTS.messageDeleted, event);
  return event;
}
