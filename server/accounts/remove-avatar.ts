import type { Db } from "@/server/platform/db";

/** Back to initials. The stored file stays: old URLs may still be cached by browsers. */
export async function removeAvatar({ db, userId }: { db: Db; userId: string }): Promise<{ image: null }> {
  await db.user.update({ where: { id: userId }, data: { image: null } });
  return { image: null };
}
