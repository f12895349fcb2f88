import { z } from "zod";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";

export const MAX_GROUP_MEMBERS = 256;

export const GroupName = z.string().trim().min(1, "Give the group a name.").max(80, "Group names can be at most 80 characters.");
export const MemberIds = z.array(z.string().min(1).max(64)).max(MAX_GROUP_MEMBERS);

/** The distinct ids that name existing users, or NOT_FOUND naming how many do not. */
export async function existingUserIdsOrThrow(db: Db, ids: string[]): Promise<string[]> {
  const distinct = [...new Set(ids)];
  if (distinct.length === 0) return [];
  const found = await db.user.findMany({ where: { id: { in: distinct } }, select: { id: true } });
  if (found.length !== distinct.length) throw new AppError("NOT_FOUND", "Some of those people do not exist.", { field: "userIds" });
  return distinct;
}
