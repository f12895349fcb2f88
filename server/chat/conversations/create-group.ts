import { z } from "zod";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { CHAT_USER_EVENTS } from "../chat-channels";
import { publishToChatUser } from "../publish-chat-events";
import { loadConversationSummary, type ConversationSummary } from "./conversation-summary";
import { existingUserIdsOrThrow, GroupName, MAX_GROUP_MEMBERS, MemberIds } from "./group-fields";

export const CreateGroupInput = z.object({ name: GroupName, memberIds: MemberIds });

/** Creates a group; the creator is its first admin, everyone else a member, and each is told on their user channel. */
export async function createGroup({ db, userId, name, memberIds }: { db: Db; userId: string; name: string; memberIds: string[] }): Promise<ConversationSummary> {
  const others = (await existingUserIdsOrThrow(db, memberIds)).filter((id) => id !== userId);
  if (others.length + 1 > MAX_GROUP_MEMBERS) throw new AppError("BAD_REQUEST", `Groups can have at most ${MAX_GROUP_MEMBERS} members.`, { field: "memberIds" });
  const conversation = await db.conversation.create({
    data: {
      kind: "group",
      name: name.trim(),
      createdById: userId,
      members: { create: [{ userId, role: "admin" }, ...others.map((id) => ({ userId: id, role: "member" as const }))] },
    },
    select: { id: true },
  });
  await Promise.all(
    others.map((id) => publishToChatUser(id, CHAT_USER_EVENTS.conversationAdded, { conversationId: conversation.id, kind: "group", name: name.trim() })),
  );
  return loadConversationSummary({ db, viewerId: userId, conversationId: conversation.id });
}
