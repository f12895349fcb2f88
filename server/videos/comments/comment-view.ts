import type { Prisma } from "@/server/generated/prisma/client";

export const COMMENT_VIEW_SELECT = {
  id: true,
  parentId: true,
  body: true,
  replyCount: true,
  createdAt: true,
  author: { select: { id: true, name: true, username: true, image: true } },
} satisfies Prisma.VideoCommentSelect;

type CommentRow = Prisma.VideoCommentGetPayload<{ select: typeof COMMENT_VIEW_SELECT }>;

/** A comment as the browser sees it: ids as decimal strings (they are bigints), and whether it is mine (I may delete it). */
export function toCommentView(row: CommentRow, viewerId: string | null) {
  return {
    id: row.id.toString(),
    parentId: row.parentId?.toString() ?? null,
    body: row.body,
    replyCount: row.replyCount,
    createdAt: row.createdAt,
    author: row.author,
    isMine: viewerId !== null && row.author.id === viewerId,
  };
}
export type CommentView = ReturnType<typeof toCommentView>;
