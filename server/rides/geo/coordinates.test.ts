import { describe, expect, it } from "vitest";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { goOnline } from "@/server/rides/drivers/go-online";
import { recordDriverLocation } from "@/server/rides/drivers/record-driver-location";
import { driver, rider, runRidesWorkersForThisFile } from "@/server/rides/rides-test-kit";
import { createCallerFactory } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";

runRidesWorkersForThisFile();

// Valid on a globe, past the end of the Web Mercator square Redis's GEO index covers (±85.05°).
const NEAR_THE_POLE = { lat: 89.5, lng: 10 };
const places = { pickup: { ...NEAR_THE_POLE, name: "North" }, dropoff: { lat: 89.51, lng: 10, name: "Further north" } };

describe("a place the geo index cannot hold", () => {
  it("is a clear 400 for the estimate, the request and the heat layer, and leaves no trip behind", async () => {
    const person = await rider();
    const rides = createCallerFactory(appRouter)({ db, redis, headers: new Headers({ host: "casebook.test" }), user: person }).rides;
    for (const call of [() => rides.rider.estimate(places), () => rides.rider.request(places), () => rides.rider.surge(NEAR_THE_POLE)]) {
      await expect(call()).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    expect(await db.trip.count({ where: { riderId: person.id } })).toBe(0);
  });

  it("is refused as a driver's location with the reason, not a server error", async () => {
    const theDriver = await driver();
    await goOnline({ db, redis, driverId: theDriver.id });
    await expect(recordDriverLocation({ redis, driverId: theDriver.id, input: { ...NEAR_THE_POLE, accuracy: 5 }, publish: () => undefined })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^Latitude must be within ±85\.05/),
    });
  });
});
