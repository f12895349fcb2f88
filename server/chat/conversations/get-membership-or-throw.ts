import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";

/**
 * The caller's active membership, or FORBIDDEN. A conversation that does not
 * exist answers the same as one the caller is not in, so ids leak nothing.
 */
export async function getMembershipOrThrow({ db, conversationId, userId }: { db: Db; conversationId: string; userId: string }) {
  const member = await db.conversationMember.findUnique({
    where: { conversationId_userId: { conversationId, userId } },
    include: { conversation: true },
  });
  if (!member || member.leftAt !== null) throw notAMember();
  return member;
}

export function notAMember(): AppError {
  return new AppError("FORBIDDEN", "You are not a member of this conversation.");
}

/** The caller's membership of a group in which they are an admin, or FORBIDDEN/BAD_REQUEST. */
export async function getGroupAdminMembershipOrThrow({ db, conversationId, userId }: { db: Db; conversationId: string; userId: string }) {
  const member = await getMembershipOrThrow({ db, conversationId, userId });
  if (member.conversation.kind !== "group") throw new AppError("BAD_REQUEST", "Direct messages have no members to manage.");
  if (member.role !== "admin") throw new AppError("FORBIDDEN", "Only group admins can do that.");
  return member;
}
