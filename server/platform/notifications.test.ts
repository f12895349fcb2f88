import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeEverything, connectClient, nextEvent, startGatewayForApp, subscribed, type TestGateway } from "@/server/realtime/gateway/gateway-test-kit";
import type { NotificationEvent } from "@/server/platform/notification-view";

/**
 * notify() against the real stack: Postgres for the row, a real gateway on a
 * free port for the push, and pusher-js subscribed to the user's channel.
 * env.ts reads PUSHER_* at import, so the app modules are imported only once
 * the gateway's port is known.
 */
let target: TestGateway;
let notify: typeof import("./notifications").notify;
let db: typeof import("./db").db;

beforeAll(async () => {
  target = await startGatewayForApp();
  ({ notify } = await import("./notifications"));
  ({ db } = await import("./db"));
});

afterAll(async () => {
  await closeEverything();
  await db?.$disconnect();
});

async function createUser(): Promise<string> {
  const id = randomUUID();
  await db.user.create({ data: { id, name: "Notified Person", email: `${id}@test.casebook.dev` } });
  return id;
}

describe("notify", () => {
  it("stores the notification and pushes it to the user's private channel", async () => {
    const userId = await createUser();
    const client = await connectClient(target);
    const channel = await subscribed(client, `private-user-${userId}`);
    const pushed = nextEvent<NotificationEvent>(channel, "notification");

    const stored = await notify({ db, userId, kind: "link.milestone", payload: { code: "abc1234", clicks: 1000, dropped: undefined } });

    const row = await db.notification.findUniqueOrThrow({ where: { id: stored.id } });
    expect(row).toMatchObject({ userId, kind: "link.milestone", payload: { code: "abc1234", clicks: 1000 }, readAt: null });
    expect((await pushed).data).toEqual({
      notification: { id: stored.id, kind: "link.milestone", payload: { code: "abc1234", clicks: 1000 }, readAt: null, createdAt: row.createdAt.toISOString() },
      unreadCount: 1,
    });

    const second = nextEvent<NotificationEvent>(channel, "notification");
    await notify({ db, userId, kind: "welcome", payload: {} });
    expect((await second).data.unreadCount).toBe(2);
  });

  it("leaves a payload too large for a realtime message out of the push, but stores it", async () => {
    const userId = await createUser();
    const client = await connectClient(target);
    const channel = await subscribed(client, `private-user-${userId}`);
    const pushed = nextEvent<NotificationEvent>(channel, "notification");
    const text = "x".repeat(8 * 1024);

    const stored = await notify({ db, userId, kind: "chat.message", payload: { text } });

    const { data } = await pushed;
    expect(data.truncated).toBe(true);
    expect(data.notification).toMatchObject({ id: stored.id, payload: {} });
    expect((await db.notification.findUniqueOrThrow({ where: { id: stored.id } })).payload).toEqual({ text });
  });

  it("refuses malformed kinds and oversized payloads without storing anything", async () => {
    const userId = await createUser();
    await expect(notify({ db, userId, kind: "Not A Kind", payload: {} })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(notify({ db, userId, kind: "big", payload: { blob: "y".repeat(17 * 1024) } })).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
    });
    expect(await db.notification.count({ where: { userId } })).toBe(0);
  });

  it("still stores the notification when the realtime service is down", async () => {
    const userId = await createUser();
    await closeEverything();
    const stored = await notify({ db, userId, kind: "welcome", payload: {} });
    expect(await db.notification.findUnique({ where: { id: stored.id } })).not.toBeNull();
  });
});
