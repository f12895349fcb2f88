import { createHmac, randomBytes, randomUUID } from "node:crypto";
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
  const tokens = userIds.map(() => randomBytes(24).toString("base64url"));
  await db.user.createMany({
    data: userIds.map((id, index) => ({
      id,
      name: `Bench ${index}`,
      email: `${id}@bench.casebook.dev`,
      username: `bc_${runId}_${index}`,
      displayUsername: `bc_${runId}_${index}`,
    })),
  });
  const expiresAt = new Date(Date.now() + 24 * 3600_000);
  await db.session.createMany({ data: userIds.map((userId, index) => ({ id: randomUUID(), token: tokens[index] ?? "", userId, expiresAt })) });
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
  // better-auth's cookie: `<token>.<base64 HMAC-SHA256(token, AUTH_SECRET)>`, URI-encoded (better-call signCookieValue).
  const cookies = tokens.map((token) => {
    const signature = createHmac("sha256", authSecret).update(token).digest("base64");
    return `better-auth.session_token=${encodeURIComponent(`${token}.${signature}`)}`;
  });
  return { userIds, cookies, conversations };
}

export async function cleanUp(db: PrismaClient, seeded: Seeded | undefined) {
  if (!seeded) return;
  await db.conversation.deleteMany({ where: { id: { in: seeded.conversations.map((conversation) => conversation.id) } } });
  await db.user.deleteMany({ where: { id: { in: seeded.userIds } } });
}
