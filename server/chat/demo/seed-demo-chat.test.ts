import { afterAll, describe, expect, it } from "vitest";
import { createTestUser } from "@/server/accounts/test-users";
import { db } from "@/server/platform/db";
import { DEMO_CONVERSATIONS } from "./demo-chat-data";
import { seedDemoChat } from "./seed-demo-chat";

afterAll(async () => {
  await db.$disconnect();
});

describe("seedDemoChat", () => {
  it("fills the demo conversations once, in order, with reactions, a pin and unread messages, then changes nothing", async () => {
    const people = await Promise.all(["alice", "bob", "carol", "dave"].map(async (name) => [name, (await createTestUser(db)).id] as const));
    const userIds = Object.fromEntries(people);
    const first = await seedDemoChat({ db, userIds });
    expect(first).toEqual({ conversationsFilled: DEMO_CONVERSATIONS.length, messagesCreated: DEMO_CONVERSATIONS.reduce((sum, demo) => sum + demo.messages.length, 0) });

    const group = await db.conversation.findFirstOrThrow({ where: { name: "Launch crew", createdById: userIds.alice }, include: { members: true } });
    expect(group.members).toHaveLength(4);
    const messages = await db.message.findMany({ where: { conversationId: group.id }, orderBy: { seq: "asc" }, include: { reactions: true } });
    expect(messages.map((message) => message.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const times = messages.map((message) => message.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times.at(-1)).toBeLessThan(Date.now());
    expect(messages.filter((message) => message.pinnedAt !== null)).toHaveLength(1);
    expect(messages.flatMap((message) => message.reactions)).toHaveLength(3);
    const alice = group.members.find((member) => member.userId === userIds.alice);
    expect(alice?.lastReadSeq).toBe(8);
    expect(group.members.filter((member) => member.userId !== userIds.alice).every((member) => member.lastReadSeq === 10)).toBe(true);

    expect(await seedDemoChat({ db, userIds })).toEqual({ conversationsFilled: 0, messagesCreated: 0 });
    expect(await db.message.count({ where: { conversationId: group.id } })).toBe(10);
  });
});
