import { z } from "zod";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import type { ObjectStore } from "@/server/platform/storage";
import { PostId } from "@/server/feed/posts/post-id";
import { softDeletePost } from "@/server/feed/posts/soft-delete-post";

export const ResolveReportsInput = z.object({ postId: PostId, action: z.enum(["remove", "dismiss"]) });

/**
 * An administrator settles every open report of a post: "remove" deletes the
 * post for everyone (as its author could) and closes them as removed;
 * "dismiss" leaves the post and closes them as dismissed. Both record who
 * and when. A post without open reports is not found (someone else was faster).
 */
export async function resolveReports({
  db,
  redis,
  storage,
  adminId,
  input,
}: {
  db: Db;
  redis: Redis;
  storage: Pick<ObjectStore, "deleteObject">;
  adminId: string;
  input: z.input<typeof ResolveReportsInput>;
}): Promise<{ resolved: number }> {
  const { postId, action } = ResolveReportsInput.parse(input);
  const id = BigInt(postId);
  const { count } = await db.postReport.updateMany({
    where: { postId: id, status: "open" },
    data: { status: action === "remove" ? "removed" : "dismissed", resolvedAt: new Date(), resolvedById: adminId },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "This post has no open reports.");
  if (action === "remove") await softDeletePost({ db, redis, storage, postId: id });
  return { resolved: count };
}
