import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { getLinkCache } from "../redirect/link-cache";
import { signedInCaller, uniqueAlias } from "../links-test-kit";
import { BULK_ROWS_PER_CALL } from "./bulk-limits";

afterAll(async () => {
  await getLinkCache({ db, redis }).close();
  redis.disconnect();
  await db.$disconnect();
});

describe("bulk link creation", () => {
  it("creates the good rows and answers each bad row's own error, in order", async () => {
    const { user, caller } = await signedInCaller();
    const alias = uniqueAlias("bulk");
    const taken = uniqueAlias("taken");
    await caller.links.create({ url: "https://example.com/first-owner", customAlias: taken });

    const results = await caller.links.bulkCreate({
      rows: [
        { url: "https://example.com/a", customAlias: alias, title: " Launch ", tags: "news; promo ;", expiresAt: "2099-01-01" },
        { url: "not a url" },
        { url: "https://example.com/b", customAlias: taken },
        { url: "https://example.com/c", tags: "no,commas" },
        { url: "https://example.com/d", expiresAt: "someday" },
        { url: "https://example.com/e" },
      ],
    });
    expect(results.map((result) => result.ok)).toEqual([true, false, false, false, false, true]);
    expect(results[0]).toMatchObject({ ok: true, link: { code: alias, title: "Launch", tags: ["news", "promo"], expiresAt: new Date("2099-01-01T00:00:00.000Z") } });
    expect(results[1]).toMatchObject({ ok: false, field: "url" });
    expect(results[2]).toEqual({ ok: false, message: `The alias "${taken}" is already taken.`, field: "customAlias" });
    expect(results[3]).toEqual({ ok: false, message: "Tags use letters, digits, spaces, '.', '_' and '-'.", field: "tags" });
    expect(results[4]).toEqual({ ok: false, message: "The expiry date is not a valid date.", field: "expiresAt" });
    expect(await db.link.count({ where: { ownerId: user.id } })).toBe(3);
  });

  it("takes at most 100 rows a call and at least one", async () => {
    const { caller } = await signedInCaller();
    const rows = Array.from({ length: BULK_ROWS_PER_CALL + 1 }, (_, index) => ({ url: `https://example.com/${index}` }));
    await expect(caller.links.bulkCreate({ rows })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("At most 100 links per request.") });
    await expect(caller.links.bulkCreate({ rows: [] })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Add at least one link.") });
  });
});
