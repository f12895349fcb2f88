import { z } from "zod";
import type { Db } from "@/server/platform/db";
import { getMembershipOrThrow } from "./get-membership-or-throw";

export const SetMutedInput = z.object({ conversationId: z.string().min(1).max(64), muted: z.boolean() });

/** A muted conversation still counts unread messages but sends no platform notifications. */
export async function setMuted({ db, userId, conversationId, muted }: { db: Db; userId: string; conversationId: string; muted: boolean }) {
  await getMembershipOrThrow({ db, conversationId, userId });
  await db.conversationMember.update({ where: { conversationId_userId: { conversationId, userId } }, data: { muted } });
  return { conversationId, muted };
}
