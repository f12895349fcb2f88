import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeEverything } from "@/server/realtime/gateway/gateway-test-kit";
import { startChatStack, type ChatStack } from "../chat-test-kit";
import { toSnippetParts } from "./search-messages";

/** Full-text search is scoped to conversations the caller is in, now. */
let chat: ChatStack;

beforeAll(async () => {
  chat = await startChatStack();
});

afterAll(async () => {
  await closeEverything();
  await chat?.db.$disconnect();
});

const search = (userId: string, input: Record<string, unknown>) => chat.searchMessages({ db: chat.db, userId, input: chat.SearchMessagesInput.parse(input) });

describe("searchMessages", () => {
  it("finds stemmed words in my conversations only, newest first, with highlighted snippets", async () => {
    const [alice, bob, carol, dave] = await Promise.all([chat.newUser(), chat.newUser(), chat.newUser(), chat.newUser()]);
    const mine = await chat.startDirectConversation({ db: chat.db, userId: alice.id, otherUserId: bob.id });
    const group = await chat.createGroup({ db: chat.db, userId: alice.id, name: "Fruit", memberIds: [bob.id, carol.id] });
    const theirs = await chat.startDirectConversation({ db: chat.db, userId: carol.id, otherUserId: dave.id });

    const older = await chat.send(bob.id, mine.id, "Shall we order pineapples for the party?");
    const newer = await chat.send(carol.id, group.id, "The pineapple pizza debate continues");
    await chat.send(dave.id, theirs.id, "pineapple is not for pizza");
    const gone = await chat.send(alice.id, mine.id, "pineapple secret");
    await chat.deleteMessage({ db: chat.db, storage: chat.storage, userId: alice.id, messageId: gone.id });

    const { results, nextCursor } = await search(alice.id, { query: "pineapple" });
    expect(nextCursor).toBeNull();
    expect(results.map((result) => result.messageId)).toEqual([newer.id, older.id]);
    expect(results[0]).toMatchObject({ conversationId: group.id, conversationKind: "group", conversationName: "Fruit", seq: 1, senderId: carol.id, senderName: carol.name });
    expect(results[1]).toMatchObject({ conversationId: mine.id, conversationKind: "dm", conversationName: null, seq: 1 });
    expect(results[1]?.snippet.filter((part) => part.match).map((part) => part.text)).toEqual(["pineapples"]);
    expect(results[1]?.snippet.map((part) => part.text).join("")).toContain("Shall we order pineapples for the party");

    expect((await search(alice.id, { query: "pineapple", conversationId: mine.id })).results.map((result) => result.messageId)).toEqual([older.id]);
    // By person, and by person and conversation together.
    expect((await search(alice.id, { query: "pineapple", senderId: carol.id })).results.map((result) => result.messageId)).toEqual([newer.id]);
    expect((await search(alice.id, { query: "pineapple", senderId: carol.id, conversationId: mine.id })).results).toEqual([]);
    expect((await search(alice.id, { query: "pineapple", senderId: bob.id, conversationId: mine.id })).results.map((result) => result.messageId)).toEqual([older.id]);
    expect((await search(alice.id, { query: '"pizza debate"' })).results.map((result) => result.messageId)).toEqual([newer.id]);
    expect((await search(dave.id, { query: "pineapple" })).results).toHaveLength(1);

    // Leaving takes the conversation out of my search.
    await chat.leaveConversation({ db: chat.db, userId: bob.id, conversationId: group.id });
    expect((await search(bob.id, { query: "pineapple" })).results.map((result) => result.messageId)).toEqual([older.id]);

    // Stop words alone match nothing rather than everything.
    expect((await search(alice.id, { query: "the" })).results).toEqual([]);
  });

  it("pages with a cursor", async () => {
    const [alice, bob] = await Promise.all([chat.newUser(), chat.newUser()]);
    const dm = await chat.startDirectConversation({ db: chat.db, userId: alice.id, otherUserId: bob.id });
    for (let index = 1; index <= 5; index++) await chat.send(alice.id, dm.id, `kumquat number ${index}`);
    const first = await search(bob.id, { query: "kumquat", limit: 3 });
    const second = await search(bob.id, { query: "kumquat", limit: 3, cursor: first.nextCursor });
    expect([...first.results, ...second.results].map((result) => result.seq)).toEqual([5, 4, 3, 2, 1]);
    expect(second.nextCursor).toBeNull();
  });

  it("splits headlines into plain and matched parts", () => {
    expect(toSnippetParts("a \u0001b\u0002 c \u0001d\u0002")).toEqual([
      { text: "a ", match: false },
      { text: "b", match: true },
      { text: " c ", match: false },
      { text: "d", match: true },
    ]);
  });
});
