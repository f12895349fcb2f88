import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // The offer chain in well under a second instead of 15 s per driver.
  process.env.RIDES_OFFER_TIMEOUT_MS = "600";
});

import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { readDriver } from "@/server/rides/drivers/driver-index";
import { goOnline } from "@/server/rides/drivers/go-online";
import { recordDriverLocation } from "@/server/rides/drivers/record-driver-location";
import type { LatLng } from "@/server/rides/demo-city/geo";
import { driver, offset, randomCity, rider, runRidesWorkersForThisFile } from "@/server/rides/rides-test-kit";
import { cancelTrip } from "@/server/rides/trips/cancel-trip";
import { requestTrip } from "@/server/rides/trips/request-trip";
import { acceptOffer } from "./accept-offer";
import { declineOffer } from "./decline-offer";

runRidesWorkersForThisFile();

/** A registered driver, online at `where`. */
async function onlineDriver(where: LatLng, profile: Parameters<typeof driver>[0] = {}) {
  const person = await driver(profile);
  await goOnline({ db, redis, driverId: person.id });
  await recordDriverLocation({ redis, driverId: person.id, input: { ...where, accuracy: 5 }, publish: () => undefined });
  return person;
}

async function requestAt(pickup: LatLng) {
  const person = await rider();
  const trip = await requestTrip({ db, redis, riderId: person.id, input: { pickup: { ...pickup, name: "Pickup" }, dropoff: { ...offset(pickup, 3_000, 0), name: "Drop-off" } } });
  return { rider: person, tripId: trip.id };
}

const pendingOffer = (tripId: string) => db.tripOffer.findFirst({ where: { tripId, status: "pending" } });
const pendingOfferOrThrow = (tripId: string) => db.tripOffer.findFirstOrThrow({ where: { tripId, status: "pending" } });
const offersOf = (tripId: string) => db.tripOffer.findMany({ where: { tripId }, orderBy: { createdAt: "asc" } });
const statusOf = async (tripId: string) => (await db.trip.findUniqueOrThrow({ where: { id: tripId } })).status;

describe("matching", () => {
  it("offers the trip to the best-scored driver first, not merely the nearest", async () => {
    const city = randomCity();
    await onlineDriver(offset(city, 200, 0), { rating: 3, acceptanceRate: 0.3 }); // 0.2 + 1 + 0.21
    const best = await onlineDriver(offset(city, 600, 0), { rating: 5, acceptanceRate: 1 }); // 0.6
    const { tripId } = await requestAt(city);
    await expect.poll(async () => (await pendingOffer(tripId))?.driverId, { timeout: 10_000 }).toBe(best.id);
    expect(await statusOf(tripId)).toBe("matching");
    expect((await readDriver(redis, best.id))?.state).toBe("offered");
  });

  it("moves to the next driver when an offer times out, stops after 5 offers and says no drivers", async () => {
    const city = randomCity();
    const drivers = [];
    for (let index = 0; index < 6; index++) drivers.push(await onlineDriver(offset(city, 100 + index * 150, 0)));
    const { tripId } = await requestAt(city);
    await expect.poll(() => statusOf(tripId), { timeout: 15_000, interval: 200 }).toBe("no_drivers");
    const offers = await offersOf(tripId);
    expect(offers.map((offer) => offer.driverId)).toEqual(drivers.slice(0, 5).map((person) => person.id));
    expect(offers.every((offer) => offer.status === "expired")).toBe(true);
    // Each offer lived its timeout before the next was made.
    const madeAt = offers.map((offer) => offer.createdAt.getTime());
    for (let index = 1; index < madeAt.length; index++) expect((madeAt[index] ?? 0) - (madeAt[index - 1] ?? 0)).toBeGreaterThanOrEqual(550);
    for (const person of drivers) expect((await readDriver(redis, person.id))?.state).toBe("available");
    const events = await db.tripEvent.findMany({ where: { tripId }, orderBy: { id: "asc" } });
    expect(events.map((event) => event.status)).toEqual(["requested", "matching", "no_drivers"]);
  });

  it("says no drivers at once when nobody is within 10 km", async () => {
    const city = randomCity();
    await onlineDriver(offset(city, 12_000, 0));
    const { tripId } = await requestAt(city);
    await expect.poll(() => statusOf(tripId), { timeout: 10_000 }).toBe("no_drivers");
    expect(await offersOf(tripId)).toEqual([]);
  });

  it("refuses a late accept after the timeout with 409, and a decline goes to the next driver at once", async () => {
    const city = randomCity();
    const first = await onlineDriver(offset(city, 100, 0));
    const second = await onlineDriver(offset(city, 300, 0));
    const third = await onlineDriver(offset(city, 500, 0));
    const { tripId } = await requestAt(city);
    await expect.poll(async () => (await pendingOffer(tripId))?.driverId, { timeout: 10_000 }).toBe(first.id);
    const firstOffer = (await pendingOfferOrThrow(tripId));
    await expect.poll(async () => (await pendingOffer(tripId))?.driverId, { timeout: 10_000 }).toBe(second.id);
    await expect(acceptOffer({ db, redis, driverId: first.id, offerId: firstOffer.id })).rejects.toMatchObject({ code: "CONFLICT", message: "This offer has expired or was withdrawn." });

    const secondOffer = (await pendingOfferOrThrow(tripId));
    await expect(declineOffer({ db, redis, driverId: third.id, offerId: secondOffer.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(acceptOffer({ db, redis, driverId: third.id, offerId: secondOffer.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await declineOffer({ db, redis, driverId: second.id, offerId: secondOffer.id });
    // The decline's own matching job: the declined offer's expiry job finds it closed and does nothing.
    await expect.poll(async () => (await pendingOffer(tripId))?.driverId, { timeout: 10_000, interval: 20 }).toBe(third.id);
    const thirdOffer = (await pendingOfferOrThrow(tripId));
    await acceptOffer({ db, redis, driverId: third.id, offerId: thirdOffer.id });
    expect(await db.trip.findUniqueOrThrow({ where: { id: tripId } })).toMatchObject({ status: "assigned", driverId: third.id, assignedAt: expect.any(Date) });
    expect((await readDriver(redis, third.id))?.state).toBe("on_trip");
    const profile = await db.driverProfile.findUniqueOrThrow({ where: { userId: third.id } });
    expect(profile).toMatchObject({ offersMade: 1, offersAccepted: 1 });
  });

  it("assigns one driver once when the same offer is accepted twice at the same moment", async () => {
    const city = randomCity();
    const person = await onlineDriver(offset(city, 100, 0));
    const { tripId } = await requestAt(city);
    await expect.poll(async () => (await pendingOffer(tripId))?.driverId, { timeout: 10_000 }).toBe(person.id);
    const offer = (await pendingOfferOrThrow(tripId));
    const results = await Promise.allSettled([1, 2, 3].map(() => acceptOffer({ db, redis, driverId: person.id, offerId: offer.id })));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((result) => result.status === "rejected").map((result) => (result as PromiseRejectedResult).reason)).toEqual([
      expect.objectContaining({ code: "CONFLICT" }),
      expect.objectContaining({ code: "CONFLICT" }),
    ]);
    expect(await db.tripEvent.count({ where: { tripId, status: "assigned" } })).toBe(1);
  });

  it("never gives one driver two trips when many riders request at once and every offer is accepted", async () => {
    const city = randomCity();
    const drivers = [];
    for (let index = 0; index < 6; index++) drivers.push(await onlineDriver(offset(city, 50 * index, 50)));
    const riders = await Promise.all(Array.from({ length: 12 }, () => rider()));
    const trips = await Promise.all(
      riders.map((person) => requestTrip({ db, redis, riderId: person.id, input: { pickup: { ...city, name: "" }, dropoff: { ...offset(city, 2_000, 0), name: "" } } })),
    );
    const tripIds = trips.map((trip) => trip.id);
    // Every driver accepts whatever they are offered, all at once, until every trip is settled.
    const settled = async () => {
      const pending = await db.tripOffer.findMany({ where: { tripId: { in: tripIds }, status: "pending" } });
      await Promise.allSettled(pending.map((offer) => acceptOffer({ db, redis, driverId: offer.driverId, offerId: offer.id })));
      const open = await db.trip.count({ where: { id: { in: tripIds }, status: "matching" } });
      return open;
    };
    await expect.poll(settled, { timeout: 20_000, interval: 100 }).toBe(0);
    const assigned = await db.trip.findMany({ where: { id: { in: tripIds }, status: "assigned" }, select: { driverId: true } });
    expect(assigned).toHaveLength(6);
    expect(new Set(assigned.map((trip) => trip.driverId)).size).toBe(6);
    expect(await db.trip.count({ where: { id: { in: tripIds }, status: "no_drivers" } })).toBe(6);
  });

  it("allows a rider one open trip", async () => {
    const city = randomCity();
    // A driver nearby keeps the first trip open (an offer waits 15 s); with none, the matching worker would close it at once.
    await onlineDriver(offset(city, 200, 0));
    const { rider: person, tripId } = await requestAt(city);
    await expect.poll(async () => (await pendingOffer(tripId))?.driverId, { timeout: 10_000 }).toBeDefined();
    await expect(
      requestTrip({ db, redis, riderId: person.id, input: { pickup: { ...city, name: "" }, dropoff: { ...offset(city, 1_000, 0), name: "" } } }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "You already have a trip under way." });
  });
});

describe("matching never offers a trip to its own rider", () => {
  it("a driver online next to their own pickup is passed over for the next driver", async () => {
    const city = randomCity();
    const both = await onlineDriver(city);
    const other = await onlineDriver(offset(city, 2_000, 0));
    const { id: tripId } = await requestTrip({ db, redis, riderId: both.id, input: { pickup: { ...city, name: "Pickup" }, dropoff: { ...offset(city, 3_000, 0), name: "Drop-off" } } });
    await expect.poll(async () => (await pendingOffer(tripId))?.driverId, { timeout: 10_000 }).toBe(other.id);
    expect((await offersOf(tripId)).map((offer) => offer.driverId)).not.toContain(both.id);
    expect((await readDriver(redis, both.id))?.state).toBe("available");
  });
});

describe("a rider who cancels while an offer is out", () => {
  it("leaves the driver's acceptance rate as it was, however often they request and cancel", async () => {
    const city = randomCity();
    const theDriver = await onlineDriver(city, { acceptanceRate: 0.8 });
    const theRider = await rider();
    for (let round = 0; round < 3; round++) {
      const { id: tripId } = await requestTrip({ db, redis, riderId: theRider.id, input: { pickup: { ...city, name: "Pickup" }, dropoff: { ...offset(city, 3_000, 0), name: "Drop-off" } } });
      await expect.poll(async () => (await pendingOffer(tripId))?.driverId, { timeout: 10_000 }).toBe(theDriver.id);
      await cancelTrip({ db, redis, riderId: theRider.id, input: { tripId, reason: "Changed my plans" } });
      await expect.poll(async () => (await readDriver(redis, theDriver.id))?.state).toBe("available");
    }
    const profile = await db.driverProfile.findUniqueOrThrow({ where: { userId: theDriver.id } });
    expect({ made: profile.offersMade, accepted: profile.offersAccepted }).toEqual({ made: 10, accepted: 8 });
  });
});
