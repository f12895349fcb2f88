import { z } from "zod";
import type { Db } from "@/server/platform/db";
import { announceConversationUpdate } from "./conversation-update";
import { GroupName } from "./group-fields";
import { getGroupAdminMembershipOrThrow } from "./get-membership-or-throw";

export const RenameGroupInput = z.object({ conversationId: z.string().min(1).max(64), name: GroupName });

/** Admins rename a group; members learn through `conversation-updated`. */
export async function renameGroup({ db, userId, conversationId, name: rawName }: { db: Db; userId: string; conversationId: string; name: string }) {
  const name = rawName.trim();
  await getGroupAdminMembershipOrThrow({ db, conversationId, userId });
  await db.conversation.update({ where: { id: conversationId }, data: { name } });
  await announceConversationUpdate({ conversationId, change: "renamed", name, userIds: [], byUserId: userId });
  return { conversationId, name };
}
