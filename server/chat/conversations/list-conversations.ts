import { z } from "zod";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { loadConversationSummaries, type ConversationSummary } from "./conversation-summary";

export const ListConversationsInput = z.object({
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type ListConversationsInput = z.input<typeof ListConversationsInput>;

/**
 * The caller's conversations, most recent activity first (a new message moves
 * one to the top). Keyset-paged on (lastActivityAt, id); the cursor is opaque.
 */
export async function listConversations({
  db,
  userId,
  input,
}: {
  db: Db;
  userId: string;
  input: z.output<typeof ListConversationsInput>;
}): Promise<{ items: ConversationSummary[]; nextCursor: string | null }> {
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const memberships = await db.conversationMember.findMany({
    where: {
      userId,
      leftAt: null,
      ...(after
        ? {
            conversation: {
              OR: [{ lastActivityAt: { lt: after.at } }, { lastActivityAt: after.at, id: { lt: after.id } }],
            },
          }
        : {}),
    },
    orderBy: [{ conversation: { lastActivityAt: "desc" } }, { conversationId: "desc" }],
    take: input.limit + 1,
    include: { conversation: { select: { lastActivityAt: true } } },
  });
  const page = memberships.slice(0, input.limit);
  const items = await loadConversationSummaries({ db, viewerId: userId, memberships: page });
  const last = page.at(-1);
  const nextCursor = memberships.length > input.limit && last ? encodeCursor(last.conversation.lastActivityAt, last.conversationId) : null;
  return { items, nextCursor };
}

function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString("base64url");
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [iso = "", id = ""] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const at = new Date(iso);
  if (Number.isNaN(at.getTime()) || id.length === 0) throw new AppError("BAD_REQUEST", "Invalid cursor.", { field: "cursor" });
  return { at, id };
}
