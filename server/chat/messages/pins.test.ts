import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeEverything, connectClient, nextEvent, subscribed } from "@/server/realtime/gateway/gateway-test-kit";
import { startChatStack, type ChatStack } from "../chat-test-kit";

/** Pinned messages: any member pins for everyone, the list is newest pin first, and it has a named limit. */
let chat: ChatStack;
let pins: typeof import("./set-pinned") & typeof import("./list-pinned-messages");

beforeAll(async () => {
  chat = await startChatStack({ RATE_LIMIT_CHAT_SEND_POINTS: "1000" });
  pins = { ...(await import("./set-pinned")), ...(await import("./list-pinned-messages")) };
});

afterAll(async () => {
  await closeEverything();
  await chat?.db.$disconnect();
});

const pin = (userId: string, messageId: string, pinned = true) => pins.setPinned({ db: chat.db, userId, messageId, pinned });
const pinnedIds = async (userId: string, conversationId: string) =>
  (await pins.listPinnedMessages({ db: chat.db, userId, conversationId })).map((message) => message.id);

describe("pinned messages", () => {
  it("any member pins and unpins for everyone, live, newest pin first; outsiders cannot; deleting unpins", async () => {
    const [alice, bob, carol] = await Promise.all([chat.newUser(), chat.newUser(), chat.newUser()]);
    const group = await chat.createGroup({ db: chat.db, userId: alice.id, name: "Pins", memberIds: [bob.id] });
    const first = await chat.send(alice.id, group.id, "Meeting at noon");
    const second = await chat.send(bob.id, group.id, "Bring the map");
    const tab = await connectClient(chat.target);
    const channel = await subscribed(tab, `private-chat-${group.id}`);

    const pinnedEvent = nextEvent<{ messageId: string; pinned: boolean }>(channel, "message-pinned");
    expect(await pin(bob.id, first.id)).toMatchObject({ conversationId: group.id, messageId: first.id, seq: 1, pinned: true, byUserId: bob.id });
    expect((await pinnedEvent).data).toMatchObject({ messageId: first.id, pinned: true });
    await pin(alice.id, second.id);
    await pin(alice.id, first.id); // again: keeps its place
    expect(await pinnedIds(alice.id, group.id)).toEqual([second.id, first.id]);
    const page = await chat.getHistory({ db: chat.db, userId: bob.id, input: chat.GetHistoryInput.parse({ conversationId: group.id }) });
    expect(page.messages.map((message) => message.pinned)).toEqual([true, true]);

    await expect(pin(carol.id, first.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(pinnedIds(carol.id, group.id)).rejects.toMatchObject({ code: "FORBIDDEN" });

    await pin(bob.id, second.id, false);
    expect(await pinnedIds(bob.id, group.id)).toEqual([first.id]);
    await chat.deleteMessage({ db: chat.db, storage: chat.storage, userId: alice.id, messageId: first.id });
    expect(await pinnedIds(bob.id, group.id)).toEqual([]);
    await expect(pin(bob.id, first.id)).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it(`keeps at most MAX_PINNED_PER_CONVERSATION pins`, async () => {
    const [alice, bob] = await Promise.all([chat.newUser(), chat.newUser()]);
    const dm = await chat.startDirectConversation({ db: chat.db, userId: alice.id, otherUserId: bob.id });
    const messages = [];
    for (let index = 0; index <= pins.MAX_PINNED_PER_CONVERSATION; index++) messages.push(await chat.send(alice.id, dm.id, `note ${index}`));
    const [extra, firstPinned, ...others] = messages;
    if (!extra || !firstPinned) throw new Error("messages missing");
    for (const message of [firstPinned, ...others]) await pin(bob.id, message.id);
    await expect(pin(alice.id, extra.id)).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining(`at most ${pins.MAX_PINNED_PER_CONVERSATION}`) });
    await pin(alice.id, firstPinned.id, false);
    await pin(alice.id, extra.id);
    expect(await pinnedIds(bob.id, dm.id)).toHaveLength(pins.MAX_PINNED_PER_CONVERSATION);
  });
});
