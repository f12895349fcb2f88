import { createSessionCookies } from "../support/session-cookies";
import type { PrismaClient } from "../../server/generated/prisma/client";
import { BIG_GROUP_SIZE, CLIENTS, CONVERSATIONS, runId } from "./settings";

export type Conversation = { id: string; kind: "dm" | "group"; members: number[] };

/** Half DMs between distinct pairs, half groups of 8 (every tenth filled up to 50 with users from elsewhere). */
function planConversations(): Conversation[] {
  const dms = Math.floor(CONVERSATIONS / 2);
  const groups = CONVERSATIONS - dms;
  const conversations: Conversation[] = [];
  for (let index = 0; index < dms; index++) conversations.push({ id: `bench-chat-${runId}-c${index}`, kind: "dm", members: [2 * index, 2 * index + 1] });
  const rest = Array.from({ length: CLIENTS - 2 * dms }, (_, offset) => 2 * dms + offset);
  const base = Math.max(2, Math.floor(rest.length / groups));
  for (let index = 0; index < groups; index++) {
    const members = new Set(rest.slice(index * base, index === groups - 1 ? rest.length : (index + 1) * base));
    if (index % 10 === 0) {
      let pick = (index * 37) % CLIENTS;
      while (members.size < Math.min(BIG_GROUP_SIZE, CLIENTS)) members.add((pick = (pick + 7) % CLIENTS));
    }
    conversations.push({ id: `bench-chat-${runId}-c${dms + index}`, kind: "group", members: [...members] });
  }
  return conversations;
}


export type Seeded = { userIds: string[]; cookies: string[]; conversations: Conversation[] };

/** Users with signed session cookies, and their conversations, straight into Postgres. */
export async function seed(db: PrismaClient, authSecret: string): Promise<Seeded> {
  const userIds = Array.from({ length: CLIENTS }, (_, index) => `bench-chat-${runId}-u${index}`);
  await db.user.createMany({
    data: userIds.map((id, index) => ({
      id,
      name: `Bench ${index}`,
      email: `${id}@bench.casebook.dev`,
      username: `bc_${runId}_${index}`,
      displayUsername: `bc_${runId}_${index}`,
    })),
  });
  const cookies = await createSessionCookies(db, userIds, authSecret);
  const conversations = planConversations();
  await db.conversation.createMany({
    data: conversations.map((conversation) => ({
      id: conversation.id,
      kind: conversation.kind,
      name: conversation.kind === "group" ? `Bench group ${conversation.id.slice(-4)}` : null,
      dmKey: conversation.kind === "dm" ? conversation.members.map((member) => userIds[member]).sort().join(":") : null,
      createdById: userIds[conversation.members[0] ?? 0],
    })),
  });
  await db.conversationMember.createMany({
    data: conversations.flatMap((conversation) =>
      conversation.members.map((member, position) => ({
        conversationId: conversation.id,
        userId: userIds[member] ?? "",
        role: conversation.kind === "group" && position === 0 ? ("admin" as const) : ("member" as const),
      })),
    ),
  });
  return { userIds, cookies, conversations };
}

export async function cleanUp(db: PrismaClient, seeded: Seeded | undefined) {
  if (!seeded) return;
  await db.conversation.deleteMany({ where: { id: { in: seeded.conversations.map((conversation) => conversation.id) } } });
  await db.user.deleteMany({ where: { id: { in: seeded.userIds } } });
}
