import { z } from "zod";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { limitFeedAction } from "@/server/feed/feed-limits";
import { getLivePostOrThrow } from "@/server/feed/posts/get-live-post-or-throw";
import { PostId } from "@/server/feed/posts/post-id";

export const REPORT_REASONS = ["spam", "harassment", "hate", "violence", "misinformation", "other"] as const;

export const ReportPostInput = z.object({
  postId: PostId,
  reason: z.enum(REPORT_REASONS),
  details: z.string().trim().max(500).default(""),
});

/**
 * Reports a post to the administrators (/feed/admin/reports). One report per
 * person and post: reporting again replaces the reason and reopens it. Not
 * one's own posts; rate-limited like likes.
 */
export async function reportPost({ db, userId, input }: { db: Db; userId: string; input: z.input<typeof ReportPostInput> }): Promise<{ reported: true }> {
  const { postId, reason, details } = ReportPostInput.parse(input);
  await limitFeedAction("feed-like", userId);
  const post = await getLivePostOrThrow(db, BigInt(postId), userId);
  if (post.authorId === userId) throw new AppError("BAD_REQUEST", "You cannot report your own post; delete it instead.");
  const fields = { reason, details, status: "open" as const, createdAt: new Date(), resolvedAt: null, resolvedById: null };
  await db.postReport.upsert({ where: { postId_reporterId: { postId: post.id, reporterId: userId } }, create: { postId: post.id, reporterId: userId, ...fields }, update: fields });
  return { reported: true };
}
