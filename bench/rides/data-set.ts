import type { PrismaClient } from "../../server/generated/prisma/client";
import type { Redis } from "../../server/platform/redis";
import { distanceMeters, type LatLng } from "../../server/rides/demo-city/geo";
import { roadNetwork } from "../../server/rides/demo-city/roads";
import { markOffline, markOnline, recordFix } from "../../server/rides/drivers/driver-index";

/**
 * bench:rides' people: drivers (users with a car) and riders, ids
 * `<prefix>d<i>` / `<prefix>r<i>`, written straight into Postgres; drivers are
 * filed in the driver index through the index's own scripts (what going online
 * and a first location update do), at random spots on the demo city's roads.
 */
const BATCH = 5_000;

export type Spot = LatLng;

/** A random point on the demo city's roads, moved up to `jitterMeters` off the road node. */
export function randomSpot(jitterMeters = 80): Spot {
  const { nodes } = roadNetwork();
  const node = nodes[Math.floor(Math.random() * nodes.length)] as LatLng;
  const north = (Math.random() * 2 - 1) * jitterMeters;
  const east = (Math.random() * 2 - 1) * jitterMeters;
  return { lat: node.lat + north / 111_195, lng: node.lng + east / (111_195 * Math.cos((node.lat * Math.PI) / 180)) };
}

/** A pickup and a drop-off between 1 and 8 km apart, both on the roads. */
export function randomRide(): { pickup: Spot & { name: string }; dropoff: Spot & { name: string } } {
  for (;;) {
    const pickup = randomSpot(0);
    const dropoff = randomSpot(0);
    const meters = distanceMeters(pickup, dropoff);
    if (meters >= 1_000 && meters <= 8_000) return { pickup: { ...pickup, name: "Bench pickup" }, dropoff: { ...dropoff, name: "Bench drop-off" } };
  }
}

export async function createPeople(db: PrismaClient, prefix: string, drivers: number, riders: number): Promise<{ driverIds: string[]; riderIds: string[] }> {
  const driverIds = Array.from({ length: drivers }, (_, index) => `${prefix}d${index}`);
  const riderIds = Array.from({ length: riders }, (_, index) => `${prefix}r${index}`);
  const ids = [...driverIds, ...riderIds];
  for (let start = 0; start < ids.length; start += BATCH) {
    await db.user.createMany({ data: ids.slice(start, start + BATCH).map((id) => ({ id, name: `Bench ${id.slice(prefix.length)}`, email: `${id}@bench.casebook.dev` })) });
  }
  for (let start = 0; start < driverIds.length; start += BATCH) {
    await db.driverProfile.createMany({
      data: driverIds.slice(start, start + BATCH).map((userId, index) => ({
        userId,
        carMake: "Toyota",
        carModel: "Prius",
        carColor: "Silver",
        plate: `B${start + index}`,
        // Ratings from 4.0 to 5.0 and acceptance from 60 to 100% over 10 trips, so the score really ranks.
        ratingSum: 40 + ((start + index) % 11),
        ratingCount: 10,
        offersMade: 10,
        offersAccepted: 6 + ((start + index) % 5),
      })),
    });
  }
  return { driverIds, riderIds };
}

/** Files each driver as online and available at its spot (in parallel batches; the scripts are what go-online and a location update run). */
export async function fileDrivers(redis: Redis, driverIds: readonly string[], spots: readonly Spot[]): Promise<void> {
  const at = Date.now();
  for (let start = 0; start < driverIds.length; start += 2_000) {
    await Promise.all(
      driverIds.slice(start, start + 2_000).map(async (driverId, offset) => {
        const spot = spots[start + offset] as Spot;
        await markOnline(redis, driverId, null);
        await recordFix(redis, driverId, { ...spot, at, flagged: false });
      }),
    );
  }
}

export async function unfileDrivers(redis: Redis, driverIds: readonly string[]): Promise<void> {
  for (let start = 0; start < driverIds.length; start += 2_000) {
    await Promise.all(driverIds.slice(start, start + 2_000).map((driverId) => markOffline(redis, driverId)));
  }
}

/** Everything the bench made in Postgres goes with its users (trips, offers, profiles and sessions cascade). */
export async function removePeople(db: PrismaClient, redis: Redis, prefix: string, driverIds: readonly string[]): Promise<void> {
  await unfileDrivers(redis, driverIds);
  await db.trip.deleteMany({ where: { riderId: { startsWith: prefix } } });
  await db.user.deleteMany({ where: { id: { startsWith: prefix } } });
}
