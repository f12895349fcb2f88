import { describe, expect, it } from "vitest";
import type { ConversationSummary } from "./chat-types";
import { mergeConversationList, type ConversationList } from "./conversation-list-merge";

/** The sidebar's merge rule, as the list query applies it to every fetch and live patch (use-chat-inbox.ts). */

const ADA = { id: "u1", name: "Ada", username: "ada", image: null };

function conversation(id: string, lastSeq: number, overrides: Partial<ConversationSummary> = {}): ConversationSummary {
  const at = new Date(Date.UTC(2026, 11, 7, 3, 0, lastSeq));
  return {
    id,
    kind: "group",
    name: `Group ${id}`,
    otherMember: null,
    memberCount: 2,
    memberPreview: [ADA],
    role: "member",
    muted: false,
    lastSeq,
    lastReadSeq: 0,
    lastDeliveredSeq: 0,
    unreadCount: lastSeq,
    lastMessage:
      lastSeq === 0
        ? null
        : { id: `${id}-m${lastSeq}`, seq: lastSeq, senderId: ADA.id, senderName: ADA.name, preview: `message ${lastSeq}`, deleted: false, attachmentCount: 0, createdAt: at },
    lastActivityAt: at,
    createdAt: new Date(Date.UTC(2026, 11, 7)),
    ...overrides,
  };
}

const list = (...items: ConversationSummary[]): ConversationList => ({ items, nextCursor: null });

describe("mergeConversationList", () => {
  it("takes the new data as is when nothing was cached", () => {
    const fetched = list(conversation("a", 2));
    expect(mergeConversationList(undefined, fetched)).toBe(fetched);
  });

  it("keeps a live message that a fetch started before it does not know", () => {
    const live = list(conversation("a", 3), conversation("b", 1));
    const staleFetch = list(conversation("b", 1), conversation("a", 2, { muted: true }));
    const merged = mergeConversationList(live, staleFetch);
    const a = merged.items.find((item) => item.id === "a");
    expect(a?.lastSeq).toBe(3);
    expect(a?.lastMessage?.preview).toBe("message 3");
    expect(a?.unreadCount).toBe(3);
    expect(a?.lastActivityAt).toEqual(live.items[0]?.lastActivityAt);
    // The fetch's own fields still win.
    expect(a?.muted).toBe(true);
    // And the order follows the newest activity, so the live message keeps its conversation on top.
    expect(merged.items.map((item) => item.id)).toEqual(["a", "b"]);
  });

  it("takes a fetch that is newer than the cache, message and all", () => {
    const cached = list(conversation("a", 2));
    const fetched = list(conversation("a", 4, { lastReadSeq: 4, unreadCount: 0 }));
    expect(mergeConversationList(cached, fetched).items[0]).toBe(fetched.items[0]);
  });

  it("takes the fetch's last message at the same seq (an edit or a deletion the cache missed)", () => {
    const cached = list(conversation("a", 2));
    const deleted = conversation("a", 2);
    const fetched = list({ ...deleted, lastMessage: deleted.lastMessage ? { ...deleted.lastMessage, preview: "", deleted: true } : null });
    expect(mergeConversationList(cached, fetched).items[0]?.lastMessage?.deleted).toBe(true);
  });

  it("never moves the read and delivered marks back", () => {
    const readHere = list(conversation("a", 5, { lastReadSeq: 5, lastDeliveredSeq: 5, unreadCount: 0 }));
    const staleFetch = list(conversation("a", 5, { lastReadSeq: 2, lastDeliveredSeq: 3, unreadCount: 3 }));
    const merged = mergeConversationList(readHere, staleFetch).items[0];
    expect(merged).toMatchObject({ lastReadSeq: 5, lastDeliveredSeq: 5, unreadCount: 0 });
  });

  it("drops conversations the new data no longer has and adds the ones it brings", () => {
    const cached = list(conversation("a", 1), conversation("gone", 1));
    const fetched = list(conversation("a", 1), conversation("new", 0));
    expect(mergeConversationList(cached, fetched).items.map((item) => item.id).sort()).toEqual(["a", "new"]);
  });
});
