import { verifyPassword } from "better-auth/crypto";
import { z } from "zod";
import { AppError } from "@/server/errors";
import { consume, rateLimitError } from "@/server/platform/ratelimit";
import type { AccountEraser, EraseContext } from "./account-eraser";

export const DeleteAccountInput = z.object({
  password: z.string().min(1, "Enter your password.").max(128),
  /** The user types their username or email: a deliberate act, not a stray click. */
  confirmation: z.string().trim().max(320),
});

/**
 * Deletes the signed-in person's account for good, once their password and
 * their typed username (or email) match: every system's eraser checks first
 * (e.g. a ride under way refuses), then erases; then the user row goes and
 * its foreign keys take sessions, API keys, notifications and each system's
 * rows with it. Password attempts count against the account's sign-in limit.
 */
export async function deleteAccount({
  context,
  input,
  erasers,
}: {
  context: EraseContext;
  input: z.input<typeof DeleteAccountInput>;
  erasers: readonly AccountEraser[];
}): Promise<{ deleted: true }> {
  const { password, confirmation } = DeleteAccountInput.parse(input);
  const { db, userId } = context;
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, username: true, accounts: { where: { providerId: "credential" }, select: { password: true } } } });
  if (!user) throw new AppError("NOT_FOUND", "This account no longer exists.");
  const expected = [user.email.toLowerCase(), user.username?.toLowerCase()].filter(Boolean);
  if (!expected.includes(confirmation.toLowerCase())) {
    throw new AppError("BAD_REQUEST", "Type your username or email exactly to confirm.", { field: "confirmation" });
  }
  const limit = await consume("login-account", `delete:${userId}`);
  if (!limit.allowed) throw rateLimitError(limit);
  const hash = user.accounts[0]?.password;
  if (!hash || !(await verifyPassword({ hash, password }))) throw new AppError("BAD_REQUEST", "That password is not right.", { field: "password" });

  for (const eraser of erasers) await eraser.check?.(context);
  for (const eraser of erasers) await eraser.erase(context);
  await db.user.delete({ where: { id: userId } });
  // Every picture they ever set (set-avatar.ts keys them under their id).
  for (const key of await context.storage.listObjects(`avatars/${userId}/`)) await context.storage.deleteObject(key);
  return { deleted: true };
}
