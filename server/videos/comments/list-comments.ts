import { z } from "zod";
import type { Prisma } from "@/server/generated/prisma/client";
import type { Db } from "@/server/platform/db";
import { assertMayWatch, findWatchAccess } from "../get-watchable-video";
import { COMMENT_VIEW_SELECT, toCommentView } from "./comment-view";

const CommentId = z.string().regex(/^\d{1,19}$/);

export const ListCommentsInput = z.object({
  videoId: z.string().min(1).max(64),
  /** A comment's replies (oldest first) instead of the video's comments. */
  parentId: CommentId.nullish(),
  /** Comments: newest first, or top (most replies) first. Replies are always oldest first. */
  sort: z.enum(["newest", "top"]).default("newest"),
  /** Offset-free paging: the id of the last comment of the previous page (newest and replies); a page number for top. */
  cursor: z.string().max(32).nullish(),
  limit: z.number().int().min(1).max(50).default(20),
});

/** A video's comments, or one comment's replies, for anyone who may watch the video. */
export async function listComments({ db, viewerId, input }: { db: Db; viewerId: string | null; input: z.infer<typeof ListCommentsInput> }) {
  await assertMayWatch(await findWatchAccess(db, input.videoId), async () => viewerId);
  const parentId = input.parentId ? BigInt(input.parentId) : null;
  const top = !parentId && input.sort === "top";
  const page = top ? Number(input.cursor ?? 0) : 0;
  const after = !top && input.cursor && /^\d+$/.test(input.cursor) ? BigInt(input.cursor) : null;
  const orderBy: Prisma.VideoCommentOrderByWithRelationInput[] = parentId ? [{ id: "asc" }] : top ? [{ replyCount: "desc" }, { id: "desc" }] : [{ id: "desc" }];
  const rows = await db.videoComment.findMany({
    where: { videoId: input.videoId, parentId, ...(after ? { id: parentId ? { gt: after } : { lt: after } } : {}) },
    orderBy,
    skip: page * input.limit,
    take: input.limit + 1,
    select: COMMENT_VIEW_SELECT,
  });
  const items = rows.slice(0, input.limit).map((row) => toCommentView(row, viewerId));
  const more = rows.length > input.limit;
  return { items, nextCursor: !more ? null : top ? String(page + 1) : (items.at(-1)?.id ?? null) };
}
