import { afterAll, describe, expect, it, vi } from "vitest";
import { env } from "@/server/env";
import { db } from "@/server/platform/db";
import { consume } from "@/server/platform/ratelimit";
import { redis } from "@/server/platform/redis";
import { getLinkCache } from "./redirect/link-cache";
import { signedInCaller, uniqueAlias } from "./links-test-kit";

afterAll(async () => {
  await getLinkCache({ db, redis }).close();
  redis.disconnect();
  await db.$disconnect();
});

describe("links router", () => {
  it("creates, lists with filters and pages, updates, disables and deletes", async () => {
    const { caller } = await signedInCaller();
    const alias = uniqueAlias("r");
    const first = await caller.links.create({ url: "https://example.com/one", title: "One", tags: ["news", "news", "promo"], customAlias: alias });
    expect(first).toMatchObject({ code: alias, isAlias: true, title: "One", tags: ["news", "promo"], status: "active", clickCount: 0, hasPassword: false });
    const second = await caller.links.create({ url: "https://example.com/two", expiresAt: new Date(Date.now() + 60_000), password: "pass1234" });
    expect(second).toMatchObject({ isAlias: false, hasPassword: true });
    await caller.links.create({ url: "https://example.com/three", tags: ["promo"] });

    const page1 = await caller.links.list({ limit: 2 });
    expect(page1.items).toHaveLength(2);
    expect(page1.nextCursor).not.toBeNull();
    const page2 = await caller.links.list({ limit: 2, cursor: page1.nextCursor });
    expect(page2.items).toHaveLength(1);
    expect(page2.nextCursor).toBeNull();
    expect(new Set([...page1.items, ...page2.items].map((link) => link.code)).size).toBe(3);

    expect((await caller.links.list({ tag: "promo" })).items).toHaveLength(2);
    expect((await caller.links.list({ search: "TWO" })).items.map((link) => link.code)).toEqual([second.code]);

    const updated = await caller.links.update({ code: alias, url: "https://example.org/moved", title: null, expiresAt: new Date(Date.now() + 1_000) });
    expect(updated).toMatchObject({ url: "https://example.org/moved", title: null });
    await vi.waitFor(async () => expect((await caller.links.list({ status: "expired" })).items.map((link) => link.code)).toEqual([alias]), { timeout: 3_000, interval: 100 });
    expect((await caller.links.list({ status: "active" })).items).toHaveLength(2);

    expect(await caller.links.setDisabled({ code: second.code, disabled: true })).toMatchObject({ disabled: true, status: "disabled" });
    expect((await caller.links.list({ status: "disabled" })).items.map((link) => link.code)).toEqual([second.code]);

    expect(await caller.links.delete({ code: second.code })).toEqual({ deleted: true });
    expect((await caller.links.list({})).items).toHaveLength(2);
  });

  it("rejects bad input with a clear message and keeps other people's links out of reach", async () => {
    const { caller } = await signedInCaller();
    await expect(caller.links.create({ url: "javascript:alert(1)" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.links.create({ url: "https://example.com", expiresAt: new Date(Date.now() - 1) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const link = await caller.links.create({ url: "https://example.com/mine" });
    await expect(caller.links.create({ url: "https://example.com", customAlias: link.code })).rejects.toMatchObject({ code: "CONFLICT" });

    const { caller: stranger } = await signedInCaller();
    await expect(stranger.links.stats({ code: link.code, range: "7d" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(stranger.links.delete({ code: link.code })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(stranger.links.update({ code: link.code, url: "https://evil.example" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("spends the owner's API window on links made from the pages, a point a link; a bulk import bigger than what is left makes no link", async () => {
    const { user, caller } = await signedInCaller();
    const other = await signedInCaller();
    await consume("api-key", `user:${user.id}`, env.RATE_LIMIT_API_KEY_POINTS - 3);
    const made = await caller.links.create({ url: "https://example.com/first" });
    // Two points left: three links are refused, none of them made (and the attempt spends the window, as a refused API call does).
    const rows = ["a", "b", "c"].map((name) => ({ url: `https://example.com/${name}` }));
    await expect(caller.links.bulkCreate({ rows })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS", message: expect.stringContaining("Too many requests") });
    expect((await caller.links.list({})).items.map((link) => link.code)).toEqual([made.code]);
    await expect(caller.links.create({ url: "https://example.com/d" })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    // Someone else's window is their own.
    await expect(other.caller.links.create({ url: "https://example.com/e" })).resolves.toMatchObject({ url: "https://example.com/e" });
  });

  it("returns empty stats for every range", async () => {
    const { caller } = await signedInCaller();
    const link = await caller.links.create({ url: "https://example.com/quiet" });
    for (const range of ["24h", "7d", "30d", "all"] as const) {
      const stats = await caller.links.stats({ code: link.code, range });
      expect(stats).toMatchObject({ range, totalClicks: 0, uniqueVisitors: 0, botClicks: 0, referrers: [] });
      expect(stats.timeline.length).toBe(range === "24h" ? 24 : range === "7d" ? 7 : range === "30d" ? 30 : 1);
    }
  });

  it("creates API keys shown once, lists them without the secret, revokes them", async () => {
    const { caller } = await signedInCaller();
    const created = await caller.links.apiKeys.create({ name: "CI" });
    expect(created.key).toMatch(/^cbk_[A-Za-z0-9_-]{43}$/);
    expect(created.key.startsWith(created.prefix)).toBe(true);
    const listed = await caller.links.apiKeys.list();
    expect(listed).toEqual([{ id: created.id, name: "CI", prefix: created.prefix, createdAt: created.createdAt, lastUsedAt: null, revokedAt: null }]);
    expect(JSON.stringify(listed)).not.toContain(created.key);
    expect((await caller.links.apiKeys.revoke({ id: created.id })).revokedAt).toBeInstanceOf(Date);
    const { caller: stranger } = await signedInCaller();
    await expect(stranger.links.apiKeys.revoke({ id: created.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
