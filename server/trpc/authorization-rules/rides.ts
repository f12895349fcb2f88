import type { Person, RouteRequest } from "../authorization-kit";
import { USER, json, type Kit, type Rule } from "./rule";

// Rides: trips are rows made here; a person holds one open trip as rider and as driver, so each fixture first closes the others.

/** Closes A's and C's open trips (as riders and drivers) and A's pending offers, so a fixture's trip is their only one. */
async function freeA(kit: Kit): Promise<void> {
  const open = ["requested", "matching", "assigned", "arriving", "in_progress"] as const;
  await kit.db.trip.updateMany({ where: { OR: [{ riderId: { in: [kit.a.id, kit.c.id] } }, { driverId: { in: [kit.a.id, kit.c.id] } }], status: { in: [...open] } }, data: { status: "cancelled" } });
  await kit.db.tripOffer.updateMany({ where: { driverId: kit.a.id, status: "pending" }, data: { status: "expired" } });
}

async function registeredDriver(kit: Kit, who: Person): Promise<void> {
  await kit.db.driverProfile.upsert({ where: { userId: who.id }, update: {}, create: { userId: who.id, carMake: "Toyota", carModel: "Prius", carColor: "Silver", plate: "AUTHZ-1" } });
}

/** A trip row: rider and driver given, status given (a completed one owes its fare). */
async function tripRow(kit: Kit, trip: { riderId: string; driverId?: string; status: "matching" | "assigned" | "arriving" | "in_progress" | "completed" | "no_drivers" }): Promise<string> {
  await freeA(kit);
  if (trip.driverId) await registeredDriver(kit, trip.driverId === kit.a.id ? kit.a : kit.c);
  const row = await kit.db.trip.create({
    data: {
      ...trip,
      pickupLat: 10.0,
      pickupLng: 10.0,
      dropoffLat: 10.01,
      dropoffLng: 10.01,
      distanceMeters: 1_800,
      durationSeconds: 216,
      fareCents: 900,
      startCode: "4321",
      paymentStatus: trip.status === "completed" ? "due" : "none",
      assignedAt: trip.driverId ? new Date() : null,
    },
  });
  return row.id;
}

/** A pending offer to A (as driver) for a matching trip of C's. */
async function offerToA(kit: Kit): Promise<{ offerId: string }> {
  const tripId = await tripRow(kit, { riderId: kit.c.id, status: "matching" });
  await registeredDriver(kit, kit.a);
  const offer = await kit.db.tripOffer.create({ data: { tripId, driverId: kit.a.id, pickupMeters: 300, score: 0.3, expiresAt: new Date(Date.now() + 60_000) } });
  return { offerId: offer.id };
}

// Far from the demo city, where the simulator test drives.
const RIDE_PLACES = { pickup: { lat: 10.0, lng: 10.0, name: "A" }, dropoff: { lat: 10.01, lng: 10.01, name: "B" } };
const riderTripOfA = (status: "completed" | "no_drivers", input: Record<string, unknown> = {}): Rule<unknown> => ({
  access: "owner",
  request: async (kit) => ({ tripId: await tripRow(kit, { riderId: kit.a.id, driverId: status === "completed" ? kit.c.id : undefined, status }), ...input }),
});
const driverTripOfA = (status: "assigned" | "arriving" | "in_progress", input: Record<string, unknown> = {}): Rule<unknown> => ({
  access: "owner",
  request: async (kit) => ({ tripId: await tripRow(kit, { riderId: kit.c.id, driverId: kit.a.id, status }), ...input }),
});

export const procedures: Record<string, Rule<unknown>> = {
  "rides.rider.estimate": { access: "user", request: () => RIDE_PLACES },
  "rides.rider.request": { access: "user", request: async (kit) => (await freeA(kit), RIDE_PLACES) },
  "rides.rider.current": USER,
  "rides.rider.history": { access: "user", request: () => ({}) },
  "rides.rider.surge": { access: "user", request: () => ({ lat: 10, lng: 10 }) },
  "rides.rider.cancel": riderTripOfA("no_drivers", { reason: "Changed my plans" }),
  "rides.rider.retry": riderTripOfA("no_drivers"),
  "rides.rider.pay": riderTripOfA("completed"),
  "rides.rider.rate": riderTripOfA("completed", { stars: 5 }),
  "rides.trip": riderTripOfA("completed"),
  "rides.driver.dashboard": USER,
  "rides.driver.register": { access: "user", request: () => ({ carMake: "Kia", carModel: "Niro", carColor: "Blue", plate: "AUTHZ-2" }) },
  // Going online needs a driver's profile (FORBIDDEN otherwise, which is about the account, not who asks): A gets one first.
  "rides.driver.goOnline": { access: "user", request: async (kit) => void (await registeredDriver(kit, kit.a)) },
  "rides.driver.goOffline": USER,
  "rides.driver.accept": { access: "owner", request: offerToA },
  "rides.driver.decline": { access: "owner", request: offerToA },
  "rides.driver.navigate": driverTripOfA("assigned"),
  "rides.driver.start": driverTripOfA("arriving", { code: "4321" }),
  "rides.driver.complete": driverTripOfA("in_progress"),
};

export const routes: Record<string, Rule<RouteRequest>> = {
  // Rides: a driver's location; someone not online as a driver gets 409, never another driver's place.
  "POST /api/rides/location": { access: "user", request: () => ({ path: "/api/rides/location", ...json({ lat: 52.52, lng: 13.405, accuracy: 10 }) }) },
};
