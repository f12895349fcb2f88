import type { AccountEraser } from "@/server/accounts/account-eraser";
import { parseStoredAttachments } from "../attachments/attachments";
import { chatLog } from "../publish-chat-events";

/**
 * Who a deleted account's messages belong to afterwards. The rows must stay:
 * each conversation's sequence numbers are contiguous, and a hole would read
 * to every client as a gap to fill forever. Like GitHub's "ghost".
 */
export const DELETED_SENDER = { id: "casebook-deleted-user", name: "Deleted user", email: "deleted-user@casebook.invalid" } as const;

/**
 * A deleted account's chat messages and thread replies become tombstones of "Deleted user",
 * as if they had deleted each one themselves (body, attachments and their
 * files gone, `deletedAt` set; reactions and memberships go with the user
 * row), in one statement whatever their number.
 */
export const eraseAccountMessages: AccountEraser = {
  system: "chat",
  erase: async ({ db, storage, userId }) => {
    const withFiles = await db.message.findMany({ where: { senderId: userId, attachments: { not: [] } }, select: { attachments: true } });
    await db.user.upsert({ where: { id: DELETED_SENDER.id }, create: DELETED_SENDER, update: {} });
    // The client id is rewritten from the row's own id: two erased senders' ids can never collide under the ghost.
    await db.$executeRaw`
      UPDATE "chat_message"
         SET "senderId" = ${DELETED_SENDER.id}, "clientId" = 'erased:' || "id", "body" = '', "attachments" = '[]', "linkPreview" = NULL,
             "deletedAt" = COALESCE("deletedAt", now()), "pinnedAt" = NULL, "pinnedById" = NULL
       WHERE "senderId" = ${userId}`;
    // Thread replies the same way: their thread's seqs stay gap-free and the thread stays readable.
    await db.$executeRaw`
      UPDATE "chat_thread_reply"
         SET "senderId" = ${DELETED_SENDER.id}, "clientId" = 'erased:' || "id", "body" = '', "linkPreview" = NULL, "deletedAt" = COALESCE("deletedAt", now())
       WHERE "senderId" = ${userId}`;
    const keys = withFiles.flatMap((message) => parseStoredAttachments(message.attachments).flatMap((file) => (file.thumbKey ? [file.key, file.thumbKey] : [file.key])));
    for (const key of keys) {
      await storage.deleteObject(key).catch((error: unknown) => chatLog.warn({ key, err: error instanceof Error ? error.message : String(error) }, "could not delete a chat file"));
    }
  },
};
