import { describe, expect, it } from "vitest";
import { env } from "@/server/env";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { offset, randomCity, rider, runRidesWorkersForThisFile } from "@/server/rides/rides-test-kit";
import { createCallerFactory } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";

runRidesWorkersForThisFile();

describe("ride requests", () => {
  it(`are limited per rider (RATE_LIMIT_RIDE_REQUEST_POINTS, ${env.RATE_LIMIT_RIDE_REQUEST_POINTS} per window): request-and-cancel in a loop stops with a clear error and no trip; another rider is not held back`, async () => {
    const city = randomCity();
    const places = { pickup: { ...city, name: "Home" }, dropoff: { ...offset(city, 3_000, 0), name: "Work" } };
    const [looping, other] = [await rider(), await rider()];
    const ridesAs = (user: typeof looping) => createCallerFactory(appRouter)({ db, redis, headers: new Headers({ host: "casebook.test" }), user }).rides;
    for (let request = 0; request < env.RATE_LIMIT_RIDE_REQUEST_POINTS; request++) {
      const { id } = await ridesAs(looping).rider.request(places);
      await ridesAs(looping).rider.cancel({ tripId: id, reason: "Changed my plans" });
    }
    await expect(ridesAs(looping).rider.request(places)).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS", message: expect.stringContaining("Too many requests") });
    expect(await db.trip.count({ where: { riderId: looping.id } })).toBe(env.RATE_LIMIT_RIDE_REQUEST_POINTS);
    await expect(ridesAs(other).rider.request(places)).resolves.toMatchObject({ id: expect.any(String) });
  });
});
