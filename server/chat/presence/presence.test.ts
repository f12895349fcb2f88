import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeEverything } from "@/server/realtime/gateway/gateway-test-kit";
import { startChatStack, type ChatStack } from "../chat-test-kit";

/** Heartbeats in Redis → online / away / offline and "last seen", visible to people I share a conversation with. */
let chat: ChatStack;
let recordHeartbeat: typeof import("./record-heartbeat").recordHeartbeat;
let getLastSeen: typeof import("./get-last-seen").getLastSeen;

beforeAll(async () => {
  chat = await startChatStack();
  ({ recordHeartbeat } = await import("./record-heartbeat"));
  ({ getLastSeen } = await import("./get-last-seen"));
});

afterAll(async () => {
  await closeEverything();
  await chat?.db.$disconnect();
});

describe("last seen", () => {
  it("reports online, away and offline from heartbeats, to people who share a conversation", async () => {
    const [alice, bob, carol, stranger] = await Promise.all([chat.newUser(), chat.newUser(), chat.newUser(), chat.newUser()]);
    await chat.createGroup({ db: chat.db, userId: alice.id, name: "Status", memberIds: [bob.id, carol.id] });
    const now = Date.now();
    await recordHeartbeat({ redis: chat.redis, userId: bob.id, away: false, now: now - 10_000 });
    await recordHeartbeat({ redis: chat.redis, userId: carol.id, away: true, now: now - 5_000 });
    await recordHeartbeat({ redis: chat.redis, userId: stranger.id, away: false, now });

    const seen = await getLastSeen({ db: chat.db, redis: chat.redis, userId: alice.id, userIds: [bob.id, carol.id, stranger.id, alice.id], now });
    expect(seen).toEqual([
      { userId: bob.id, status: "online", lastSeenAt: new Date(now - 10_000) },
      { userId: carol.id, status: "away", lastSeenAt: new Date(now - 5_000) },
      { userId: stranger.id, status: "offline", lastSeenAt: null },
      { userId: alice.id, status: "offline", lastSeenAt: null },
    ]);

    const later = now + 10 * 60_000;
    const [bobLater] = await getLastSeen({ db: chat.db, redis: chat.redis, userId: alice.id, userIds: [bob.id], now: later });
    expect(bobLater).toEqual({ userId: bob.id, status: "offline", lastSeenAt: new Date(now - 10_000) });
  });
});
