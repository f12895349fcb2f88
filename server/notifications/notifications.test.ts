import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";

// No gateway in these tests: pushes fail fast (nothing listens on port 1) and are only logged.
vi.hoisted(() => {
  process.env.PUSHER_HOST = "127.0.0.1";
  process.env.PUSHER_PORT = "1";
});

import type { SessionUser } from "@/server/platform/auth";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { createCallerFactory } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";

afterAll(async () => {
  await db.$disconnect();
  redis.disconnect();
});

const createCaller = createCallerFactory(appRouter);

async function signedInCaller() {
  const id = randomUUID();
  const user: SessionUser = { id, name: "Reader", email: `${id}@test.casebook.dev`, username: null, image: null, role: "user" };
  await db.user.create({ data: { id, name: user.name, email: user.email } });
  return { user, api: createCaller({ db, redis, headers: new Headers(), user }).notifications };
}

/** `count` notifications a minute apart, newest last, plus `tied` sharing one timestamp. */
async function seed(userId: string, count: number, tied = 0): Promise<void> {
  const start = Date.UTC(2026, 0, 1);
  await db.notification.createMany({
    data: [
      ...Array.from({ length: count }, (_, index) => ({ userId, kind: "test", payload: { index }, createdAt: new Date(start + index * 60_000) })),
      ...Array.from({ length: tied }, (_, index) => ({ userId, kind: "tied", payload: { index }, createdAt: new Date(start - 60_000) })),
    ],
  });
}

describe("notifications router", () => {
  it("pages newest first with a stable cursor, ties included, nothing repeated or skipped", async () => {
    const { user, api } = await signedInCaller();
    await seed(user.id, 23, 4);
    const other = await signedInCaller();
    await seed(other.user.id, 5);

    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof api.list>> = await api.list({ cursor, limit: 10 });
      sizes.push(page.items.length);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      // A new notification arriving mid-scroll must not shift later pages.
      if (sizes.length === 1) await db.notification.create({ data: { userId: user.id, kind: "late", createdAt: new Date() } });
    } while (cursor);

    expect(sizes).toEqual([10, 10, 7]);
    expect(new Set(seen).size).toBe(27);
    const rows = await db.notification.findMany({ where: { id: { in: seen } }, select: { id: true, userId: true, createdAt: true } });
    expect(rows.every((row) => row.userId === user.id)).toBe(true);
    const times = seen.map((id) => rows.find((row) => row.id === id)?.createdAt.getTime() ?? 0);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("returns views with ISO dates and can list unread only", async () => {
    const { user, api } = await signedInCaller();
    await seed(user.id, 3);
    const [newest] = (await api.list({ limit: 1 })).items;
    expect(newest).toMatchObject({ kind: "test", payload: { index: 2 }, readAt: null, createdAt: "2026-01-01T00:02:00.000Z" });

    await api.markRead({ ids: [newest?.id ?? ""] });
    const unread = await api.list({ unreadOnly: true });
    expect(unread.items.map((item) => item.payload)).toEqual([{ index: 1 }, { index: 0 }]);
    expect((await api.list({})).items[0]?.readAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("counts unread and names the channel new ones arrive on", async () => {
    const { user, api } = await signedInCaller();
    expect(await api.unreadCount()).toEqual({ unreadCount: 0, channel: `private-user-${user.id}` });
    await seed(user.id, 4);
    expect((await api.unreadCount()).unreadCount).toBe(4);
  });

  it("marks one, several or all read, never another user's", async () => {
    const { user, api } = await signedInCaller();
    const other = await signedInCaller();
    await seed(user.id, 5);
    await seed(other.user.id, 2);
    const ids = (await api.list({})).items.map((item) => item.id);
    const othersId = (await other.api.list({})).items[0]?.id ?? "";

    expect(await api.markRead({ ids: [ids[0] ?? "", othersId] })).toEqual({ marked: 1, unreadCount: 4 });
    // Already read: nothing changes.
    expect(await api.markRead({ ids: [ids[0] ?? ""] })).toEqual({ marked: 0, unreadCount: 4 });
    expect(await api.markRead({ all: true })).toEqual({ marked: 4, unreadCount: 0 });
    expect((await other.api.unreadCount()).unreadCount).toBe(2);
  });

  it("rejects bad input with clear errors", async () => {
    const { api } = await signedInCaller();
    await expect(api.list({ cursor: "bm9wZQ" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Invalid page cursor." });
    await expect(api.list({ limit: 500 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.markRead({ ids: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("is for signed-in users only", async () => {
    const anonymous = createCaller({ db, redis, headers: new Headers(), user: null }).notifications;
    await expect(anonymous.unreadCount()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anonymous.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anonymous.markRead({ all: true })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("sendWelcomeNotification", () => {
  it("queues one send-notification job per user", async () => {
    const { sendWelcomeNotification } = await import("./send-welcome-notification");
    const { Queue } = await import("bullmq");
    const { JOB_PREFIX } = await import("@/server/platform/queue");
    const userId = randomUUID();
    await sendWelcomeNotification(userId);
    await sendWelcomeNotification(userId);

    const queue = new Queue("send-notification", { connection: redis.duplicate(), prefix: JOB_PREFIX });
    try {
      const jobs = (await queue.getJobs(["waiting", "delayed", "active"])).filter((job) => job.data.userId === userId);
      expect(jobs.map((job) => job.data)).toEqual([{ userId, kind: "welcome", payload: {} }]);
    } finally {
      await queue.close();
    }
  });
});
