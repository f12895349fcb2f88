import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { countingDb } from "@/server/platform/counting-db";
import { createGeneratedLinkInserter, type GeneratedLinkRow } from "./insert-generated-links";
import { createTestUser } from "../links-test-kit";

afterAll(async () => {
  redis.disconnect();
  await db.$disconnect();
});

const row = (ownerId: string | null, overrides: Partial<GeneratedLinkRow> = {}): GeneratedLinkRow => ({
  code: `g${randomUUID().replaceAll("-", "").slice(0, 6)}`,
  ownerId,
  url: "https://example.com/batched",
  title: null,
  tags: [],
  expiresAt: null,
  passwordHash: null,
  targeting: null,
  createdAt: new Date(),
  ...overrides,
});

describe("generated link inserter", () => {
  it("shares INSERTs among concurrent creations and gives each caller its own row", async () => {
    const user = await createTestUser();
    const counting = countingDb(db);
    const inserter = createGeneratedLinkInserter(counting.db);
    const expiresAt = new Date("2031-05-06T07:08:09.123Z");
    const rows = Array.from({ length: 40 }, (_, index) =>
      row(index % 2 === 0 ? user.id : null, { url: `https://example.com/batched/${index}`, title: index === 3 ? "Third" : null, tags: index === 5 ? ["a", "b c"] : [], expiresAt: index === 7 ? expiresAt : null }),
    );

    const links = await Promise.all(rows.map((each) => inserter.submit(each)));

    expect(counting.statements()).toBeLessThan(rows.length / 4);
    links.forEach((link, index) => {
      expect(link).toMatchObject({ code: rows[index]?.code, url: rows[index]?.url, ownerId: rows[index]?.ownerId, clickCount: 0, isAlias: false, disabledAt: null });
    });
    expect(links[3]?.title).toBe("Third");
    expect(links[5]?.tags).toEqual(["a", "b c"]);
    expect(links[7]?.expiresAt?.toISOString()).toBe(expiresAt.toISOString());
    expect(new Set(links.map((link) => link?.id)).size).toBe(rows.length);
    links.forEach((link) => expect(link?.id).toMatch(/^c[0-9a-z]{24}$/));
    const stored = await db.link.findMany({ where: { code: { in: rows.map((each) => each.code) } } });
    expect(stored).toHaveLength(rows.length);
  });

  it("answers null for a code that is taken, without failing the rest of the batch", async () => {
    const taken = row(null);
    await db.link.create({ data: { code: taken.code, url: "https://example.com/first", isAlias: true } });
    const inserter = createGeneratedLinkInserter(db);

    const [clash, ...others] = await Promise.all([taken, row(null), row(null)].map((each) => inserter.submit(each)));

    expect(clash).toBeNull();
    expect(others.map((link) => link?.url)).toEqual(["https://example.com/batched", "https://example.com/batched"]);
    expect((await db.link.findUniqueOrThrow({ where: { code: taken.code } })).url).toBe("https://example.com/first");
  });

  it("retries a failed batch row by row, so only the row at fault fails", async () => {
    const user = await createTestUser();
    const inserter = createGeneratedLinkInserter(db);
    const good = [row(user.id), row(user.id)];
    const orphan = row(`no-such-user-${randomUUID()}`);

    const outcomes = await Promise.allSettled([good[0], orphan, good[1]].map((each) => inserter.submit(each as GeneratedLinkRow)));

    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(await db.link.count({ where: { code: { in: good.map((each) => each.code) } } })).toBe(2);
  });
});
