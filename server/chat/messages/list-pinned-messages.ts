import { z } from "zod";
import type { Db } from "@/server/platform/db";
import { getMembershipOrThrow } from "../conversations/get-membership-or-throw";
import { previewOf } from "./message-body";
import { MAX_PINNED_PER_CONVERSATION } from "./set-pinned";

export const ListPinnedMessagesInput = z.object({ conversationId: z.string().min(1).max(64) });

export type PinnedMessage = { id: string; seq: number; senderId: string; senderName: string; preview: string; attachmentCount: number; pinnedAt: Date };

/** The conversation's pinned messages, most recently pinned first (open one with chat.history({ around: seq })). */
export async function listPinnedMessages({ db, userId, conversationId }: { db: Db; userId: string; conversationId: string }): Promise<PinnedMessage[]> {
  await getMembershipOrThrow({ db, conversationId, userId });
  const rows = await db.message.findMany({
    where: { conversationId, pinnedAt: { not: null }, deletedAt: null },
    orderBy: { pinnedAt: "desc" },
    take: MAX_PINNED_PER_CONVERSATION,
    select: { id: true, seq: true, senderId: true, body: true, attachments: true, pinnedAt: true, sender: { select: { name: true } } },
  });
  return rows.flatMap(({ pinnedAt, ...row }) =>
    pinnedAt
      ? [
          {
            id: row.id,
            seq: row.seq,
            senderId: row.senderId,
            senderName: row.sender.name,
            preview: previewOf(row.body, 200).preview,
            attachmentCount: Array.isArray(row.attachments) ? row.attachments.length : 0,
            pinnedAt,
          },
        ]
      : [],
  );
}
