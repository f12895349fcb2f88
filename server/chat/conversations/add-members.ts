import { z } from "zod";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { CHAT_USER_EVENTS } from "../chat-channels";
import { publishToChatUser } from "../publish-chat-events";
import { announceConversationUpdate } from "./conversation-update";
import { existingUserIdsOrThrow, MAX_GROUP_MEMBERS, MemberIds } from "./group-fields";
import { getGroupAdminMembershipOrThrow } from "./get-membership-or-throw";

export const AddMembersInput = z.object({ conversationId: z.string().min(1).max(64), userIds: MemberIds.min(1) });

/**
 * Admins add people to a group. Someone who left or was removed before is
 * re-admitted (their row's leftAt is cleared); people already in are skipped.
 * Returns the ids actually added.
 */
export async function addMembers({ db, userId, conversationId, userIds }: { db: Db; userId: string; conversationId: string; userIds: string[] }) {
  const admin = await getGroupAdminMembershipOrThrow({ db, conversationId, userId });
  const candidates = await existingUserIdsOrThrow(db, userIds);
  const rows = await db.conversationMember.findMany({ where: { conversationId, userId: { in: candidates } } });
  const active = new Set(rows.filter((row) => row.leftAt === null).map((row) => row.userId));
  const returning = new Set(rows.filter((row) => row.leftAt !== null).map((row) => row.userId));
  const added = candidates.filter((id) => !active.has(id));
  if (added.length === 0) return { conversationId, added: [] as string[] };

  const count = await db.conversationMember.count({ where: { conversationId, leftAt: null } });
  if (count + added.length > MAX_GROUP_MEMBERS) throw new AppError("BAD_REQUEST", `Groups can have at most ${MAX_GROUP_MEMBERS} members.`, { field: "userIds" });

  const lastSeq = admin.conversation.lastSeq;
  await db.$transaction([
    // New and returning members start "caught up": unread counts what arrives after they join.
    db.conversationMember.createMany({
      data: added.filter((id) => !returning.has(id)).map((id) => ({ conversationId, userId: id, lastReadSeq: lastSeq, lastDeliveredSeq: lastSeq })),
      skipDuplicates: true,
    }),
    db.conversationMember.updateMany({
      where: { conversationId, userId: { in: added.filter((id) => returning.has(id)) } },
      data: { leftAt: null, removedById: null, role: "member", joinedAt: new Date(), lastReadSeq: lastSeq, lastDeliveredSeq: lastSeq },
    }),
  ]);
  await announceConversationUpdate({ conversationId, change: "members-added", name: admin.conversation.name, userIds: added, byUserId: userId });
  await Promise.all(
    added.map((id) =>
      publishToChatUser(id, CHAT_USER_EVENTS.conversationAdded, { conversationId, kind: "group", name: admin.conversation.name }),
    ),
  );
  return { conversationId, added };
}
