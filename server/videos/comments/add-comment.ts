import { z } from "zod";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { enqueue } from "@/server/platform/queue";
import { assertMayWatch, findWatchAccess } from "../get-watchable-video";
import { limitVideoAction } from "../social/limit-video-action";
import { COMMENT_MAX_CHARS } from "./comment-limits";
import { COMMENT_VIEW_SELECT, toCommentView } from "./comment-view";

export const AddCommentInput = z.object({
  videoId: z.string().min(1).max(64),
  /** Replying to this comment (a top-level one: replies go one level deep). */
  parentId: z.string().regex(/^\d{1,19}$/).nullish(),
  body: z.string().trim().min(1, "Write something first.").max(COMMENT_MAX_CHARS, `Comments are at most ${COMMENT_MAX_CHARS.toLocaleString("en")} characters.`),
});

type Author = { id: string; name: string };

/**
 * Comments on a video, or replies to a comment (a reply to a reply goes to
 * its parent: one level). RATE_LIMIT_VIDEO_COMMENT_* per user. A reply
 * notifies the parent comment's author (not when replying to oneself).
 */
export async function addComment({ db, author, input }: { db: Db; author: Author; input: z.infer<typeof AddCommentInput> }) {
  const video = await assertMayWatch(await findWatchAccess(db, input.videoId), async () => author.id);
  await limitVideoAction("video-comment", author.id);
  let parent: { id: bigint; authorId: string } | null = null;
  if (input.parentId) {
    const found = await db.videoComment.findFirst({ where: { id: BigInt(input.parentId), videoId: video.id }, select: { id: true, parentId: true, authorId: true } });
    if (!found) throw new AppError("NOT_FOUND", "This comment was deleted.");
    parent = found.parentId ? await db.videoComment.findUniqueOrThrow({ where: { id: found.parentId }, select: { id: true, authorId: true } }) : found;
  }
  const row = await db.videoComment.create({ data: { videoId: video.id, authorId: author.id, parentId: parent?.id ?? null, body: input.body }, select: COMMENT_VIEW_SELECT });
  if (parent && parent.authorId !== author.id) {
    await enqueue("send-notification", {
      userId: parent.authorId,
      kind: "video.reply",
      payload: { title: `${author.name} replied to your comment`, body: input.body.slice(0, 200), href: `/videos/${video.id}`, videoId: video.id, commentId: row.id.toString() },
    });
  }
  return toCommentView(row, author.id);
}
