import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";

/** Deletes one of my comments, with its replies (the counts follow by trigger). */
export async function deleteComment({ db, userId, commentId }: { db: Db; userId: string; commentId: bigint }): Promise<{ deleted: true }> {
  const { count } = await db.videoComment.deleteMany({ where: { id: commentId, authorId: userId } });
  if (count === 0) throw new AppError("NOT_FOUND", "This comment does not exist or is not yours.");
  return { deleted: true };
}
