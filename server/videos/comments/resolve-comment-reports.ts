import { z } from "zod";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";

export const ResolveCommentReportsInput = z.object({ commentId: z.string().regex(/^\d{1,19}$/), action: z.enum(["remove", "dismiss"]) });

/**
 * An administrator decides on a reported comment: "remove" deletes it for
 * everyone, with its replies and its reports (as its author could delete
 * it); "dismiss" keeps it and takes its open reports out of the queue (a new
 * report by someone else brings it back). A comment without open reports is
 * not found: someone else decided first, or its author deleted it.
 */
export async function resolveCommentReports({ db, input }: { db: Db; input: z.infer<typeof ResolveCommentReportsInput> }): Promise<{ resolved: "removed" | "dismissed" }> {
  const commentId = BigInt(input.commentId);
  const open = { reports: { some: { dismissedAt: null } } };
  if (input.action === "remove") {
    const { count } = await db.videoComment.deleteMany({ where: { id: commentId, ...open } });
    if (count === 0) throw noOpenReports();
    return { resolved: "removed" };
  }
  const { count } = await db.videoCommentReport.updateMany({ where: { commentId, dismissedAt: null }, data: { dismissedAt: new Date() } });
  if (count === 0) throw noOpenReports();
  return { resolved: "dismissed" };
}

function noOpenReports(): AppError {
  return new AppError("NOT_FOUND", "This comment has no open reports: it was deleted or already decided on.");
}
