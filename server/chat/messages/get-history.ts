import { z } from "zod";
import type { Db } from "@/server/platform/db";
import { MESSAGE_INCLUDE, toMessageView, type MessageView } from "../chat-views";
import { getMembershipOrThrow } from "../conversations/get-membership-or-throw";

export const HISTORY_MAX_PAGE = 50;

const Seq = z.number().int().min(0).max(2_147_483_647);

export const GetHistoryInput = z.object({
  conversationId: z.string().min(1).max(64),
  /** Messages with seq < before (scrolling up). */
  before: Seq.optional(),
  /** Messages with seq > after (gap fill, catching up after a reconnect). */
  after: Seq.optional(),
  /** A page centred on this seq (jumping to a search result). */
  around: Seq.optional(),
  limit: z.number().int().min(1).max(HISTORY_MAX_PAGE).default(30),
});

export type HistoryPage = {
  /** Ascending by seq. */
  messages: MessageView[];
  /** True when messages older than the first one here exist. */
  hasOlder: boolean;
  /** True when messages newer than the last one here exist. */
  hasNewer: boolean;
  /** The conversation's newest seq right now. */
  lastSeq: number;
};

/**
 * Keyset pagination by seq over the (conversationId, seq) unique index: each
 * page is one index range scan of `limit` rows, however long the history.
 * Seqs have no gaps (deleted messages stay as tombstones), so hasOlder is
 * simply "the first seq is above 1".
 *   - neither cursor: the newest page
 *   - before: the page just older than `before`
 *   - after: the page just newer than `after` (with before too: within the range)
 *   - around: up to limit/2 older, the message itself and newer ones
 */
export async function getHistory({ db, userId, input }: { db: Db; userId: string; input: z.output<typeof GetHistoryInput> }): Promise<HistoryPage> {
  const membership = await getMembershipOrThrow({ db, conversationId: input.conversationId, userId });
  const lastSeq = membership.conversation.lastSeq;
  const { conversationId, limit } = input;

  let rows;
  if (input.around !== undefined) {
    const olderCount = Math.floor(limit / 2);
    const [older, newer] = await Promise.all([
      db.message.findMany({ where: { conversationId, seq: { lt: input.around } }, orderBy: { seq: "desc" }, take: olderCount, include: MESSAGE_INCLUDE }),
      db.message.findMany({ where: { conversationId, seq: { gte: input.around } }, orderBy: { seq: "asc" }, take: limit - olderCount, include: MESSAGE_INCLUDE }),
    ]);
    rows = [...older.reverse(), ...newer];
  } else if (input.after !== undefined) {
    rows = await db.message.findMany({
      where: { conversationId, seq: { gt: input.after, ...(input.before !== undefined ? { lt: input.before } : {}) } },
      orderBy: { seq: "asc" },
      take: limit,
      include: MESSAGE_INCLUDE,
    });
  } else {
    rows = (
      await db.message.findMany({
        where: { conversationId, ...(input.before !== undefined ? { seq: { lt: input.before } } : {}) },
        orderBy: { seq: "desc" },
        take: limit,
        include: MESSAGE_INCLUDE,
      })
    ).reverse();
  }

  const first = rows[0]?.seq;
  const last = rows.at(-1)?.seq;
  return {
    messages: rows.map((row) => toMessageView(row, userId)),
    hasOlder: first !== undefined ? first > 1 : (input.after ?? input.around ?? 0) > 0 && lastSeq > 0,
    hasNewer: last !== undefined ? last < lastSeq : (input.before ?? input.around ?? lastSeq + 1) <= lastSeq,
    lastSeq,
  };
}
