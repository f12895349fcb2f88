import { z } from "zod";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { assertMayWatch, findWatchAccess } from "../get-watchable-video";
import { limitVideoAction } from "../social/limit-video-action";
import { REPORT_MAX_CHARS } from "./comment-limits";

export const ReportCommentInput = z.object({
  commentId: z.string().regex(/^\d{1,19}$/),
  reason: z.string().trim().min(1, "Say what is wrong with it.").max(REPORT_MAX_CHARS, `Reasons are at most ${REPORT_MAX_CHARS} characters.`),
});

/** Reports a comment for moderation, once per person (a repeat keeps the first reason). */
export async function reportComment({ db, userId, input }: { db: Db; userId: string; input: z.infer<typeof ReportCommentInput> }): Promise<{ reported: true }> {
  await limitVideoAction("video-action", userId);
  const comment = await db.videoComment.findUnique({ where: { id: BigInt(input.commentId) }, select: { id: true, videoId: true, authorId: true } });
  if (!comment) throw new AppError("NOT_FOUND", "This comment was deleted.");
  await assertMayWatch(await findWatchAccess(db, comment.videoId), async () => userId);
  if (comment.authorId === userId) throw new AppError("BAD_REQUEST", "You cannot report your own comment.");
  await db.videoCommentReport.upsert({
    where: { commentId_reporterId: { commentId: comment.id, reporterId: userId } },
    create: { commentId: comment.id, reporterId: userId, reason: input.reason },
    update: {},
  });
  return { reported: true };
}
