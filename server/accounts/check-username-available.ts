import type { Db } from "@/server/platform/db";
import { UsernameSchema } from "./username";

export type UsernameAvailability =
  | { available: true; username: string }
  | { available: false; username: string; reason: string };

/** Answers the inline "taken" check; the caller's own current name counts as available. */
export async function checkUsernameAvailable({
  db,
  username,
  userId,
}: {
  db: Db;
  username: string;
  userId?: string;
}): Promise<UsernameAvailability> {
  const parsed = UsernameSchema.safeParse(username);
  if (!parsed.success) {
    return { available: false, username, reason: parsed.error.issues[0]?.message ?? "This username is not valid." };
  }
  const owner = await db.user.findUnique({ where: { username: parsed.data }, select: { id: true } });
  if (owner && owner.id !== userId) {
    return { available: false, username: parsed.data, reason: "That username is taken." };
  }
  return { available: true, username: parsed.data };
}
