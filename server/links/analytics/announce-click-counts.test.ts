import { beforeEach, describe, expect, it, vi } from "vitest";

const { publishToUser, enqueue } = vi.hoisted(() => ({
  publishToUser: vi.fn(async (..._args: unknown[]) => {}),
  enqueue: vi.fn(async (..._args: unknown[]) => {}),
}));
vi.mock("@/server/platform/realtime", () => ({ publishToUser }));
vi.mock("@/server/platform/queue", () => ({ enqueue }));

import { announceClickCounts } from "./announce-click-counts";

beforeEach(() => {
  publishToUser.mockClear();
  enqueue.mockClear();
});

const change = (code: string, clickCount: number, added: number, ownerId: string | null = "owner-1") => ({ linkId: `id-${code}`, code, ownerId, clickCount, added });

describe("announceClickCounts", () => {
  it("queues a notification for each milestone a batch crosses, once, with a stable job id", async () => {
    await announceClickCounts([change("a", 105, 10), change("b", 99, 5), change("c", 1_000, 1), change("d", 10_050, 9_990), change("e", 150, 10, null)]);
    const jobs = enqueue.mock.calls.map(([name, data, options]) => ({ name, data, options }));
    expect(jobs).toEqual([
      { name: "send-notification", data: { userId: "owner-1", kind: "link.milestone", payload: { linkId: "id-a", code: "a", clicks: 100 } }, options: { jobId: "link-milestone-id-a-100" } },
      { name: "send-notification", data: { userId: "owner-1", kind: "link.milestone", payload: { linkId: "id-c", code: "c", clicks: 1_000 } }, options: { jobId: "link-milestone-id-c-1000" } },
      { name: "send-notification", data: { userId: "owner-1", kind: "link.milestone", payload: { linkId: "id-d", code: "d", clicks: 100 } }, options: { jobId: "link-milestone-id-d-100" } },
      { name: "send-notification", data: { userId: "owner-1", kind: "link.milestone", payload: { linkId: "id-d", code: "d", clicks: 1_000 } }, options: { jobId: "link-milestone-id-d-1000" } },
      { name: "send-notification", data: { userId: "owner-1", kind: "link.milestone", payload: { linkId: "id-d", code: "d", clicks: 10_000 } }, options: { jobId: "link-milestone-id-d-10000" } },
    ]);
  });

  it("pushes the new totals to each owner's private channel in events under the gateway's size limit", async () => {
    const many = Array.from({ length: 400 }, (_, index) => change(`${"x".repeat(45)}${String(index).padStart(5, "0")}`, index + 1, 1));
    await announceClickCounts([...many, change("other", 7, 2, "owner-2")]);
    const events = publishToUser.mock.calls as unknown as Array<[string, string, { links: Array<{ code: string; clickCount: number }> }]>;
    expect(events.every(([, name]) => name === "link.clicks")).toBe(true);
    expect(events.every(([, , data]) => JSON.stringify(data).length < 10 * 1024)).toBe(true);
    const toOwner1 = events.filter(([owner]) => owner === "owner-1").flatMap(([, , data]) => data.links);
    expect(toOwner1).toHaveLength(400);
    expect(events.filter(([owner]) => owner === "owner-1").length).toBeGreaterThan(1);
    expect(events.find(([owner]) => owner === "owner-2")?.[2]).toEqual({ links: [{ code: "other", clickCount: 7 }] });
  });

  it("never throws when realtime or the queue is down", async () => {
    publishToUser.mockRejectedValueOnce(new Error("gateway down"));
    enqueue.mockRejectedValueOnce(new Error("redis down"));
    await expect(announceClickCounts([change("a", 100, 1)])).resolves.toBeUndefined();
  });
});
