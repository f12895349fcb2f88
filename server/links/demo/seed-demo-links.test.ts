import { afterAll, describe, expect, it } from "vitest";
import { createTestUser } from "@/server/accounts/test-users";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { getLinkStats } from "../analytics/get-link-stats";
import { DEMO_LINKS } from "./demo-links-data";
import { seedDemoLinks } from "./seed-demo-links";

afterAll(async () => {
  redis.disconnect();
  await db.$disconnect();
});

describe("seedDemoLinks", () => {
  it("creates the demo links with a month of analytics once, then changes nothing", async () => {
    const [alice, bob] = [await createTestUser(db), await createTestUser(db)];
    const ownerIds = { alice: alice.id, bob: bob.id };
    const first = await seedDemoLinks({ db, redis, ownerIds });
    expect(first).toEqual({ linksCreated: DEMO_LINKS.length, clicksCreated: DEMO_LINKS.reduce((sum, link) => sum + link.clicks, 0) });

    const sale = await db.link.findUniqueOrThrow({ where: { code: "spring-sale" } });
    expect(sale.ownerId).toBe(alice.id);
    const rows = await db.click.count({ where: { linkId: sale.id } });
    expect(rows).toBe(1_400);
    const month = await getLinkStats({ db, ownerId: alice.id, code: "spring-sale", range: "30d" });
    // Bots (the unfurler among the agents) are stored but not counted.
    expect(month.totalClicks).toBe(sale.clickCount);
    expect(month.totalClicks + month.botClicks).toBe(1_400);
    expect(month.timeline.filter((day) => day.clicks > 0).length).toBeGreaterThan(20);
    expect(month.countries.map((country) => country.name)).toEqual(expect.arrayContaining(["US", "GB", "DE", "JP"]));
    expect(month.devices.map((device) => device.name)).toEqual(expect.arrayContaining(["desktop", "mobile"]));

    expect(await seedDemoLinks({ db, redis, ownerIds })).toEqual({ linksCreated: 0, clicksCreated: 0 });
    expect(await db.click.count({ where: { linkId: sale.id } })).toBe(1_400);
  }, 60_000);
});
