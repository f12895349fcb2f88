import { describe, expect, it } from "vitest";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { driver, rider, runRidesWorkersForThisFile } from "@/server/rides/rides-test-kit";
import { advanceTrip } from "./advance-trip";
import { START_CODE_MAX_TRIES } from "./start-code-attempts";

runRidesWorkersForThisFile();

/** A trip of a new rider's, assigned to a new driver who is on the way to the pickup. */
async function arrivingTrip(startCode: string) {
  const [theRider, theDriver] = await Promise.all([rider(), driver()]);
  const trip = await db.trip.create({
    data: {
      riderId: theRider.id,
      driverId: theDriver.id,
      status: "arriving",
      pickupLat: 10,
      pickupLng: 10,
      dropoffLat: 10.01,
      dropoffLng: 10.01,
      distanceMeters: 1_800,
      durationSeconds: 216,
      fareCents: 900,
      startCode,
      assignedAt: new Date(),
    },
  });
  return { tripId: trip.id, driverId: theDriver.id };
}

describe("the rider's start code", () => {
  it("cannot be guessed: after 5 tries the trip refuses even the right code, and the trip has not started", async () => {
    const { tripId, driverId } = await arrivingTrip("4321");
    const start = (code: string) => advanceTrip({ db, redis, driverId, tripId, to: "in_progress", code });
    for (let guess = 0; guess < START_CODE_MAX_TRIES; guess++) {
      await expect(start(String(guess).padStart(4, "0"))).rejects.toMatchObject({ code: "BAD_REQUEST", details: { field: "code" } });
    }
    await expect(start("4321")).rejects.toMatchObject({ code: "RATE_LIMITED", message: expect.stringMatching(/Too many wrong codes for this trip.*10 minutes/) });
    expect((await db.trip.findUniqueOrThrow({ where: { id: tripId } })).status).toBe("arriving");
  });

  it("a burst of guesses sent at once spends the same 5 tries", async () => {
    const { tripId, driverId } = await arrivingTrip("9999");
    const guesses = Array.from({ length: 50 }, (_, index) => advanceTrip({ db, redis, driverId, tripId, to: "in_progress", code: String(9_999 - index).padStart(4, "0") }));
    const outcomes = await Promise.allSettled(guesses);
    const codes = outcomes.map((outcome) => (outcome.status === "rejected" ? (outcome.reason as { code: string }).code : "STARTED"));
    expect(codes.filter((code) => code !== "RATE_LIMITED")).toHaveLength(START_CODE_MAX_TRIES);
  });

  it("a typo or two still lets the driver start with the right code", async () => {
    const { tripId, driverId } = await arrivingTrip("2468");
    await expect(advanceTrip({ db, redis, driverId, tripId, to: "in_progress", code: "2469" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(advanceTrip({ db, redis, driverId, tripId, to: "in_progress", code: "2468" })).resolves.toEqual({ status: "in_progress" });
  });
});
