import { afterAll, describe, expect, it } from "vitest";
import { signUpWithCookie } from "@/server/accounts/test-users";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { canSubscribeToChannel } from "@/server/realtime/channel-rules";
import { driverChannel, tripChannel } from "@/server/rides/rides-channels";
import { driver, offset, randomCity, rider } from "@/server/rides/rides-test-kit";
import { moveDriver, readDriver, recordFix, searchAvailable } from "./driver-index";
import { sweepSilentDrivers } from "./driver-sweeper";
import { goOffline } from "./go-offline";
import { goOnline } from "./go-online";
import { recordDriverLocation, type DriverLocationInput } from "./record-driver-location";
import { findNearbyDrivers } from "./nearby-drivers";

afterAll(async () => {
  redis.disconnect();
  await db.$disconnect();
});

const noPublish = () => undefined;

async function post(cookie: string | null, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const { POST } = await import("@/app/api/rides/location/route");
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (cookie) headers.cookie = cookie;
  const response = await POST(new Request("http://localhost/api/rides/location", { method: "POST", headers, body: JSON.stringify(body) }));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("location ingest (POST /api/rides/location)", () => {
  it("takes an online driver's fixes, flags coarse ones and refuses jumps, bad input, strangers and the signed out", async () => {
    const person = await signUpWithCookie("Route Driver");
    await db.driverProfile.create({ data: { userId: person.id, carMake: "Kia", carModel: "Niro", carColor: "Blue", plate: "K-1" } });
    const city = randomCity();

    expect((await post(null, { ...city, accuracy: 5 })).status).toBe(401);
    expect(await post(person.cookie, { ...city, accuracy: 5 })).toMatchObject({ status: 409, body: { error: { code: "CONFLICT", message: "Go online before sending your location." } } });

    await goOnline({ db, redis, driverId: person.id });
    expect(await post(person.cookie, { ...city, accuracy: 12 })).toEqual({ status: 200, body: { flagged: false, state: "available" } });
    expect((await searchAvailable(redis, city, 100, 10)).map((found) => found.driverId)).toEqual([person.id]);

    const near = offset(city, 20, 0);
    expect(await post(person.cookie, { ...near, accuracy: 80 })).toEqual({ status: 200, body: { flagged: true, state: "available" } });
    expect((await readDriver(redis, person.id))?.fix).toMatchObject({ lat: near.lat, lng: near.lng, flagged: true });

    // 50 km away a moment later: refused, and the driver stays where they were.
    const jump = await post(person.cookie, { ...offset(city, 50_000, 0), accuracy: 5 });
    expect(jump).toMatchObject({ status: 400, body: { error: { code: "BAD_REQUEST", message: expect.stringMatching(/too fast to be real/) } } });
    expect((await readDriver(redis, person.id))?.fix).toMatchObject({ lat: near.lat, lng: near.lng });

    expect((await post(person.cookie, { lat: 95, lng: 0, accuracy: 5 })).status).toBe(400);
    expect((await post(person.cookie, { lat: "52", lng: 13, accuracy: 5 })).status).toBe(400);
    expect((await post(person.cookie, { lat: 52, lng: 13 })).status).toBe(400);

    // Not a driver: signed in, never online.
    const stranger = await signUpWithCookie("Not A Driver");
    expect((await post(stranger.cookie, { ...city, accuracy: 5 })).status).toBe(409);
  });

  it("keeps busy drivers out of the available index and publishes a trip's driver to its channel only", async () => {
    const city = randomCity();
    const busy = await driver();
    const free = await driver();
    await goOnline({ db, redis, driverId: busy.id });
    await goOnline({ db, redis, driverId: free.id });
    const published: Array<{ channel: string; data: unknown }> = [];
    const publish = (channel: string, _event: string, data: unknown) => void published.push({ channel, data });
    const fix = (where: { lat: number; lng: number }): DriverLocationInput => ({ ...where, accuracy: 5, heading: 90 });

    await recordDriverLocation({ redis, driverId: busy.id, input: fix(city), publish });
    await recordDriverLocation({ redis, driverId: free.id, input: fix(offset(city, 300, 0)), publish });
    expect(published).toEqual([]);

    expect(await moveDriver(redis, busy.id, { from: "available", to: "on_trip", newTripId: "trip-1" })).toBe(true);
    expect((await searchAvailable(redis, city, 1_000, 10)).map((found) => found.driverId)).toEqual([free.id]);
    const moved = offset(city, 30, 0);
    expect(await recordDriverLocation({ redis, driverId: busy.id, input: fix(moved), publish })).toEqual({ flagged: false, state: "on_trip" });
    expect(published).toEqual([{ channel: tripChannel("trip-1"), data: { tripId: "trip-1", lat: moved.lat, lng: moved.lng, heading: 90, at: expect.any(Number) } }]);
    expect((await searchAvailable(redis, city, 1_000, 10)).map((found) => found.driverId)).toEqual([free.id]);

    // Only the state it expects: a second claim of the same driver fails.
    expect(await moveDriver(redis, busy.id, { from: "available", to: "offered", newTripId: "trip-2" })).toBe(false);
    await expect(goOffline({ redis, driverId: busy.id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await moveDriver(redis, busy.id, { from: "on_trip", tripId: "trip-1", to: "available" })).toBe(true);
    expect((await searchAvailable(redis, city, 1_000, 10)).map((found) => found.driverId)).toEqual([busy.id, free.id]);
    await goOffline({ redis, driverId: busy.id });
    expect((await searchAvailable(redis, city, 1_000, 10)).map((found) => found.driverId)).toEqual([free.id]);
  });

  it("widens the search radius 250 m → 500 m → 1 → 2 → 5 → 10 km until it has enough drivers", async () => {
    const city = randomCity();
    const at = [1_500, 4_000, 8_000];
    for (const meters of at) {
      const person = await driver();
      await goOnline({ db, redis, driverId: person.id });
      await recordDriverLocation({ redis, driverId: person.id, input: { ...offset(city, meters, 0), accuracy: 5 }, publish: noPublish });
    }
    expect(await findNearbyDrivers(redis, city, 1)).toMatchObject({ radiusMeters: 2_000, drivers: [{ distanceMeters: expect.closeTo(1_500, -1) }] });
    expect((await findNearbyDrivers(redis, city, 2)).radiusMeters).toBe(5_000);
    const widest = await findNearbyDrivers(redis, city, 5);
    expect(widest.radiusMeters).toBe(10_000);
    expect(widest.drivers.map((found) => Math.round(found.distanceMeters / 100) * 100)).toEqual(at);
    expect(await findNearbyDrivers(redis, offset(city, 30_000, 0), 1)).toEqual({ radiusMeters: 10_000, drivers: [] });
  });

  it("stops at the smallest radius when a driver is close: a dense city never searches 1 km", async () => {
    const city = randomCity();
    const person = await driver();
    await goOnline({ db, redis, driverId: person.id });
    await recordDriverLocation({ redis, driverId: person.id, input: { ...offset(city, 0, 200), accuracy: 5 }, publish: noPublish });
    expect(await findNearbyDrivers(redis, city, 1)).toMatchObject({ radiusMeters: 250, drivers: [{ driverId: person.id }] });
    expect((await findNearbyDrivers(redis, offset(city, 0, -400), 1)).radiusMeters).toBe(1_000);
  });

  it("drops drivers silent for 30 s from the index; they must go online again", async () => {
    const city = randomCity();
    const silent = await driver();
    const talking = await driver();
    const now = Date.now();
    for (const person of [silent, talking]) await goOnline({ db, redis, driverId: person.id });
    await recordFix(redis, silent.id, { ...city, at: now - 31_000, flagged: false });
    await recordFix(redis, talking.id, { ...offset(city, 100, 0), at: now - 5_000, flagged: false });

    expect(await sweepSilentDrivers(redis, now)).toContain(silent.id);
    expect((await searchAvailable(redis, city, 1_000, 10)).map((found) => found.driverId)).toEqual([talking.id]);
    expect(await readDriver(redis, silent.id)).toBeNull();
    await expect(recordDriverLocation({ redis, driverId: silent.id, input: { ...city, accuracy: 5 }, publish: noPublish })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("trip channels", () => {
  it("let the rider and the assigned driver in, and refuse a third user and other drivers", async () => {
    const theRider = await rider();
    const theDriver = await driver();
    const otherDriver = await driver();
    const third = await rider("Third");
    const city = randomCity();
    const trip = await db.trip.create({
      data: {
        riderId: theRider.id,
        driverId: theDriver.id,
        status: "assigned",
        pickupLat: city.lat,
        pickupLng: city.lng,
        dropoffLat: city.lat + 0.01,
        dropoffLng: city.lng,
        distanceMeters: 1_400,
        durationSeconds: 170,
        fareCents: 800,
        startCode: "1234",
      },
    });
    expect(await canSubscribeToChannel(theRider, tripChannel(trip.id))).toBe(true);
    expect(await canSubscribeToChannel(theDriver, tripChannel(trip.id))).toBe(true);
    expect(await canSubscribeToChannel(third, tripChannel(trip.id))).toBe(false);
    expect(await canSubscribeToChannel(otherDriver, tripChannel(trip.id))).toBe(false);
    expect(await canSubscribeToChannel(theDriver, driverChannel(theDriver.id))).toBe(true);
    expect(await canSubscribeToChannel(otherDriver, driverChannel(theDriver.id))).toBe(false);
  });
});
