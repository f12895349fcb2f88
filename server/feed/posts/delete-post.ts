import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import type { ObjectStore } from "@/server/platform/storage";
import { softDeletePost } from "./soft-delete-post";

/** Deletes the author's own post (soft-delete-post.ts). A repost is removed outright (undo-repost.ts). */
export async function deletePost({
  db,
  redis,
  storage,
  userId,
  postId,
}: {
  db: Db;
  redis: Redis;
  storage: Pick<ObjectStore, "deleteObject">;
  userId: string;
  postId: bigint;
}): Promise<void> {
  if (!(await softDeletePost({ db, redis, storage, postId, authorId: userId }))) {
    throw new AppError("NOT_FOUND", "This post does not exist, was already deleted, or is not yours.");
  }
}
