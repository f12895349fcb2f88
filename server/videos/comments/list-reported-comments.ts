import type { Db } from "@/server/platform/db";
import { COMMENT_VIEW_SELECT, toCommentView, type CommentView } from "./comment-view";

const QUEUE_SIZE = 50;

export type ReportedComment = {
  comment: CommentView;
  video: { id: string; title: string };
  reportCount: number;
  /** What the newest five reporters said, newest first (reportCount says how many there are in all). */
  reasons: string[];
  firstReportedAt: Date;
};

/**
 * The moderation queue of Video's comments (/videos/admin/reports): comments
 * with reports nobody has dismissed, the longest-waiting first, at most 50
 * (deciding on some brings the next ones). One query groups the open
 * reports, one reads their comments with their videos.
 */
export async function listReportedComments({ db }: { db: Db }): Promise<ReportedComment[]> {
  const groups = await db.$queryRaw<Array<{ commentId: bigint; reportCount: number; reasons: string[]; firstReportedAt: Date }>>`
    SELECT "commentId", count(*)::int AS "reportCount",
           (array_agg("reason" ORDER BY "createdAt" DESC))[1:5] AS "reasons",
           min("createdAt") AS "firstReportedAt"
      FROM "video_comment_report"
     WHERE "dismissedAt" IS NULL
     GROUP BY "commentId"
     ORDER BY min("createdAt") ASC
     LIMIT ${QUEUE_SIZE}`;
  const rows = await db.videoComment.findMany({
    where: { id: { in: groups.map((group) => group.commentId) } },
    select: { ...COMMENT_VIEW_SELECT, video: { select: { id: true, title: true } } },
  });
  const comments = new Map(rows.map((row) => [row.id, row]));
  return groups.flatMap((group) => {
    const row = comments.get(group.commentId);
    // Deleted between the two queries: nothing left to decide.
    if (!row) return [];
    return [{ comment: toCommentView(row, null), video: row.video, reportCount: group.reportCount, reasons: group.reasons, firstReportedAt: group.firstReportedAt }];
  });
}
