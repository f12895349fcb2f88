import type { Db } from "@/server/platform/db";
import { consume, rateLimitError } from "@/server/platform/ratelimit";
import { UsernameSchema } from "./username";

export type UsernameAvailability =
  | { available: true; username: string }
  | { available: false; username: string; reason: string };

/**
 * Answers the inline "taken" check; the caller's own current name counts as
 * available. Given the client's address, it is limited per address
 * ("username-check"), so the check cannot be used to list who has an account.
 */
export async function checkUsernameAvailable({
  db,
  username,
  userId,
  ip,
}: {
  db: Db;
  username: string;
  userId?: string;
  ip?: string;
}): Promise<UsernameAvailability> {
  if (ip !== undefined) {
    const limit = await consume("username-check", ip);
    if (!limit.allowed) throw rateLimitError(limit);
  }
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
