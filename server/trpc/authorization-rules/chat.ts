import { randomUUID } from "node:crypto";
import type { Answer, Person, RouteRequest } from "../authorization-kit";
import { USER, json, type Kit, type Rule } from "./rule";

// Chat: a conversation is its members'; a message's edits are its sender's.

/** A group A created with C (A is its admin; B is not in it). */
async function groupOfA(kit: Kit): Promise<string> {
  const group = await kit.make<{ id: string }>("chat.createGroup", { name: "Authorization suite", memberIds: [kit.c.id] }, kit.a);
  return group.id;
}

async function messageIn(kit: Kit, sender: Person, body = "Hello from the authorization suite") {
  const conversationId = await groupOfA(kit);
  const message = await kit.make<{ id: string; seq: number }>("chat.send", { conversationId, clientId: randomUUID(), body }, sender);
  return { conversationId, messageId: message.id, seq: message.seq };
}

/** An attachment in A's group with C, as its files route serves it. */
async function chatFileOfA(kit: Kit): Promise<RouteRequest> {
  const { uploadAttachment } = await import("@/server/chat/attachments/upload-attachment");
  const conversationId = await groupOfA(kit);
  const attachment = await uploadAttachment({ db: kit.db, storage: kit.storage, uploaderId: kit.a.id, conversationId, fileName: "note.txt", bytes: Buffer.from("a note") });
  return { path: attachment.url };
}

const conversationRule = (input: (conversationId: string, kit: Kit) => Record<string, unknown>): Rule<unknown> => ({
  access: "owner",
  request: async (kit) => {
    const conversationId = await groupOfA(kit);
    return { conversationId, ...input(conversationId, kit) };
  },
});

const ownMessageRule = (input: Record<string, unknown>): Rule<unknown> => ({
  access: "owner",
  request: async (kit) => ({ messageId: (await messageIn(kit, kit.a)).messageId, ...input }),
});

const chatMessagesRoute = (body?: () => ReturnType<typeof json>): Rule<RouteRequest> => ({
  access: "owner",
  request: async (kit) => ({ path: `/api/chat/conversations/${await groupOfA(kit)}/messages`, ...body?.() }),
});

export const procedures: Record<string, Rule<unknown>> = {
  // Another person's id is what these take: starting a chat with someone, finding people.
  "chat.startDirect": { access: "user", request: (kit) => ({ userId: kit.c.id }) },
  "chat.createGroup": { access: "user", request: (kit) => ({ name: "Group", memberIds: [kit.c.id] }) },
  "chat.searchPeople": { access: "user", request: () => ({ query: "test" }) },
  "chat.list": USER,
  "chat.unreadCount": USER,
  "chat.heartbeat": { access: "user", request: () => ({}) },
  "chat.get": conversationRule(() => ({})),
  "chat.history": conversationRule(() => ({})),
  "chat.renameGroup": conversationRule(() => ({ name: "Renamed" })),
  "chat.addMembers": conversationRule((_, kit) => ({ userIds: [kit.admin.id] })),
  "chat.removeMember": conversationRule((_, kit) => ({ userId: kit.c.id })),
  "chat.leave": conversationRule(() => ({})),
  "chat.setMuted": conversationRule(() => ({ muted: true })),
  "chat.send": conversationRule(() => ({ clientId: randomUUID(), body: "Hi" })),
  "chat.markRead": { access: "owner", request: async (kit) => messageIn(kit, kit.c).then(({ conversationId, seq }) => ({ conversationId, seq })) },
  "chat.edit": ownMessageRule({ body: "Edited" }),
  "chat.delete": ownMessageRule({}),
  "chat.react": ownMessageRule({ emoji: "👍" }),
  "chat.pin": ownMessageRule({ pinned: true }),
  "chat.pinned": conversationRule(() => ({})),
  // A thread is its conversation's: a non-member can neither read it nor reply in it.
  "chat.thread": ownMessageRule({}),
  "chat.replyInThread": ownMessageRule({ clientId: randomUUID(), body: "In the thread" }),
  "chat.markThreadRead": ownMessageRule({}),
  "chat.markDelivered": {
    access: "own-data-only",
    setup: async (kit) => {
      const { conversationId, seq } = await messageIn(kit, kit.c);
      return { request: { items: [{ conversationId, seq }] }, untouched: (answer) => (answer.body as { receipts: unknown[] }).receipts.length === 0 };
    },
  },
  "chat.search": {
    access: "own-data-only",
    setup: async (kit) => {
      const word = `authz${randomUUID().replaceAll("-", "").slice(0, 10)}`;
      const { conversationId } = await messageIn(kit, kit.a, `Secret ${word}`);
      return { request: { query: word, conversationId }, untouched: (answer) => (answer.body as { results: unknown[] }).results.length === 0 };
    },
  },
  "chat.lastSeen": {
    access: "own-data-only",
    setup: async (kit) => {
      await groupOfA(kit);
      await kit.make("chat.heartbeat", {}, kit.c);
      const cStatus = (answer: Answer) => (answer.body as Array<{ userId: string; status: string }>).find((seen) => seen.userId === kit.c.id)?.status;
      return { request: { userIds: [kit.c.id] }, untouched: (answer) => cStatus(answer) === "offline" };
    },
  },
};

export const routes: Record<string, Rule<RouteRequest>> = {
  "GET /api/chat/conversations/[conversationId]/messages": chatMessagesRoute(),
  "POST /api/chat/conversations/[conversationId]/messages": chatMessagesRoute(() => json({ clientId: randomUUID(), body: "Hi" })),
  "POST /api/chat/attachments": {
    access: "owner",
    request: async (kit) => ({ path: `/api/chat/attachments?conversationId=${await groupOfA(kit)}&name=note.txt`, body: "a note", headers: { "content-type": "text/plain" } }),
  },
  "GET /api/chat/files/[...key]": { access: "owner", request: chatFileOfA },
  "HEAD /api/chat/files/[...key]": { access: "owner", request: chatFileOfA },
};
