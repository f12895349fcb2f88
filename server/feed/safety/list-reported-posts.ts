import type { Db } from "@/server/platform/db";
import { hydratePosts } from "@/server/feed/hydrate/hydrate-posts";
import type { PostView } from "@/server/feed/hydrate/post-view";

const QUEUE_SIZE = 50;

export type ReportedPost = {
  post: PostView;
  reportCount: number;
  reasons: string[];
  /** The newest few non-empty explanations reporters gave. */
  details: string[];
  firstReportedAt: Date;
};

/**
 * The moderation queue: live posts with open reports, the longest-waiting
 * first, at most 50 (resolving some brings the next ones). One query groups
 * the reports, one hydrates the posts.
 */
export async function listReportedPosts({ db, adminId }: { db: Db; adminId: string }): Promise<ReportedPost[]> {
  const groups = await db.$queryRaw<Array<{ postId: bigint; reportCount: number; reasons: string[]; details: string[]; firstReportedAt: Date }>>`
    SELECT r."postId", count(*)::int AS "reportCount", array_agg(DISTINCT r."reason"::text) AS "reasons",
           (array_remove(array_agg(r."details" ORDER BY r."createdAt" DESC), ''))[1:3] AS "details",
           min(r."createdAt") AS "firstReportedAt"
      FROM "feed_report" r JOIN "feed_post" p ON p."id" = r."postId"
     WHERE r."status" = 'open' AND p."deletedAt" IS NULL
     GROUP BY r."postId"
     ORDER BY min(r."createdAt") ASC
     LIMIT ${QUEUE_SIZE}`;
  const posts = new Map((await hydratePosts(db, groups.map((group) => group.postId), adminId)).map(({ view }) => [view.id, view]));
  return groups.flatMap((group) => {
    const post = posts.get(group.postId.toString());
    return post ? [{ post, reportCount: group.reportCount, reasons: group.reasons, details: group.details, firstReportedAt: group.firstReportedAt }] : [];
  });
}
