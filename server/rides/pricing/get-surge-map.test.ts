import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { goOnline } from "@/server/rides/drivers/go-online";
import { recordDriverLocation } from "@/server/rides/drivers/record-driver-location";
import { driver, offset, randomCity } from "@/server/rides/rides-test-kit";
import { SURGE_MAP_RADIUS_METERS, getSurgeMap } from "./get-surge-map";
import { surgeCellOf } from "./surge";
import { forgetRequest, recordRequest } from "./surge-window";

afterAll(async () => {
  redis.disconnect();
  await db.$disconnect();
});

describe("getSurgeMap (the map's heat layer)", () => {
  it("shows a cell whose open requests outnumber its drivers, to viewers nearby only, until the demand is served", async () => {
    const city = randomCity();
    const busy = offset(city, 2_000, 0);
    const trips = [`surge-map-${Math.random()}-a`, `surge-map-${Math.random()}-b`];
    for (const trip of trips) await recordRequest(redis, busy, trip);
    // A second cell with as many drivers as requests does not surge.
    const calm = offset(city, -2_000, 0);
    await recordRequest(redis, calm, `surge-map-${Math.random()}-c`);
    const calmDriver = await driver();
    await goOnline({ db, redis, driverId: calmDriver.id });
    await recordDriverLocation({ redis, driverId: calmDriver.id, input: { ...calm, accuracy: 5 }, publish: () => undefined });

    // Two requests and no driver: the cap.
    expect((await getSurgeMap({ redis, input: city })).cells).toContainEqual({ cell: surgeCellOf(busy.lat, busy.lng), multiplier: 2.5 });
    expect((await getSurgeMap({ redis, input: city })).cells.map((entry) => entry.cell)).not.toContain(surgeCellOf(calm.lat, calm.lng));
    expect((await getSurgeMap({ redis, input: offset(city, SURGE_MAP_RADIUS_METERS + 5_000, 0) })).cells.map((entry) => entry.cell)).not.toContain(surgeCellOf(busy.lat, busy.lng));

    for (const trip of trips) await forgetRequest(redis, busy, trip);
    expect((await getSurgeMap({ redis, input: city })).cells.map((entry) => entry.cell)).not.toContain(surgeCellOf(busy.lat, busy.lng));
  });
});
