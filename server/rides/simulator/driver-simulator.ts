import type { Db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import type { Redis } from "@/server/platform/redis";
import { DEMO_CITY } from "@/server/rides/demo-city/city";
import { pathLengthMeters, pointAlongPath, type LatLng } from "@/server/rides/demo-city/geo";
import { driverStartingCrossings, roadNetwork, routeBetween } from "@/server/rides/demo-city/roads";
import { goOnline } from "@/server/rides/drivers/go-online";
import { recordDriverLocation } from "@/server/rides/drivers/record-driver-location";
import { advanceTrip } from "@/server/rides/driving/advance-trip";
import { acceptOffer } from "@/server/rides/matching/accept-offer";
import { OPEN_DRIVER_STATUSES } from "@/server/rides/trips/trip-states";
import type { DriverLocationEvent } from "@/server/rides/rides-channels";

/**
 * Virtual drivers for the demo: each is online, drives along the demo city's
 * road network (a generated grid, server/rides/demo-city/roads.ts) and sends
 * a location every tick through the same operation as the driver's page; it
 * accepts offers after a human delay, drives to the pickup, starts the trip
 * (a simulated driver is told the code), drives to the drop-off and
 * completes. Every step goes through the real operations, so matching,
 * channels and payments see nothing different from a person driving.
 */
export type SimulatorOptions = {
  db: Db;
  redis: Redis;
  driverIds: readonly string[];
  publish: (channel: string, event: string, data: DriverLocationEvent) => void;
  /** City driving, a little brisk so a demo trip takes a minute or two: 12 m/s (43 km/h). */
  speedMps?: number;
  /** Seconds between a driver seeing an offer and accepting it, [min, max). */
  acceptDelaySeconds?: readonly [number, number];
  random?: () => number;
};

type Phase = "cruising" | "to_pickup" | "to_dropoff";
type SimDriver = { id: string; path: LatLng[]; pathMeters: number; travelled: number; heading: number; phase: Phase; tripId: string | null; acceptAt: Map<string, number> };

const log = logger.child({ module: "rides-simulator" });

export class DriverSimulator {
  private readonly drivers: SimDriver[];
  private readonly speedMps: number;
  private readonly acceptDelay: readonly [number, number];
  private readonly random: () => number;

  constructor(private readonly options: SimulatorOptions) {
    this.speedMps = options.speedMps ?? 12;
    this.acceptDelay = options.acceptDelaySeconds ?? [1.5, 4];
    this.random = options.random ?? Math.random;
    this.drivers = options.driverIds.map((id) => {
      const start = this.randomNode(driverStartingCrossings());
      return { id, path: [start], pathMeters: 0, travelled: 0, heading: 0, phase: "cruising", tripId: null, acceptAt: new Map() };
    });
  }

  /** Puts every driver online (again: a restart or a sweep may have dropped them). */
  async start(): Promise<void> {
    for (const driver of this.drivers) await goOnline({ db: this.options.db, redis: this.options.redis, driverId: driver.id });
  }

  /** One step of `seconds` for every driver: answer offers, move, report, advance trips. */
  async tick(seconds: number, now = Date.now()): Promise<void> {
    await this.answerOffers(now);
    await this.followTrips();
    for (const driver of this.drivers) {
      driver.travelled = Math.min(driver.pathMeters, driver.travelled + this.speedMps * seconds);
      const { position, heading } = pointAlongPath(driver.path, driver.travelled);
      driver.heading = heading;
      try {
        await recordDriverLocation({ redis: this.options.redis, driverId: driver.id, input: { ...position, accuracy: 5, heading }, now, publish: this.options.publish });
      } catch (error) {
        // Swept while the simulator was paused: back online, and the next tick reports again.
        log.debug({ driverId: driver.id, err: error instanceof Error ? error.message : String(error) }, "location refused; going online again");
        await goOnline({ db: this.options.db, redis: this.options.redis, driverId: driver.id });
      }
      if (driver.travelled >= driver.pathMeters) await this.arrive(driver, position);
    }
  }

  private async answerOffers(now: number): Promise<void> {
    const offers = await this.options.db.tripOffer.findMany({ where: { driverId: { in: this.drivers.map((driver) => driver.id) }, status: "pending" }, select: { id: true, driverId: true } });
    for (const offer of offers) {
      const driver = this.drivers.find((candidate) => candidate.id === offer.driverId);
      if (!driver) continue;
      const [min, max] = this.acceptDelay;
      const at = driver.acceptAt.get(offer.id) ?? now + (min + this.random() * (max - min)) * 1000;
      driver.acceptAt.set(offer.id, at);
      if (now < at) continue;
      driver.acceptAt.delete(offer.id);
      try {
        const { tripId } = await acceptOffer({ db: this.options.db, redis: this.options.redis, driverId: driver.id, offerId: offer.id });
        await advanceTrip({ db: this.options.db, redis: this.options.redis, driverId: driver.id, tripId, to: "arriving" });
        const trip = await this.options.db.trip.findUniqueOrThrow({ where: { id: tripId }, select: { pickupLat: true, pickupLng: true } });
        this.drive(driver, { lat: trip.pickupLat, lng: trip.pickupLng }, "to_pickup", tripId);
      } catch (error) {
        log.debug({ offerId: offer.id, err: error instanceof Error ? error.message : String(error) }, "offer not taken");
      }
    }
  }

  /** A rider who cancels frees their driver: back to cruising. */
  private async followTrips(): Promise<void> {
    const onTrip = this.drivers.filter((driver) => driver.tripId);
    if (onTrip.length === 0) return;
    const open = await this.options.db.trip.findMany({ where: { id: { in: onTrip.map((driver) => driver.tripId ?? "") }, status: { in: [...OPEN_DRIVER_STATUSES] } }, select: { id: true } });
    const openIds = new Set(open.map((trip) => trip.id));
    for (const driver of onTrip) {
      if (!openIds.has(driver.tripId ?? "")) this.cruise(driver);
    }
  }

  private async arrive(driver: SimDriver, position: LatLng): Promise<void> {
    const { db, redis } = this.options;
    const tripId = driver.tripId;
    try {
      if (driver.phase === "to_pickup" && tripId) {
        const trip = await db.trip.findUniqueOrThrow({ where: { id: tripId }, select: { startCode: true, dropoffLat: true, dropoffLng: true } });
        await advanceTrip({ db, redis, driverId: driver.id, tripId, to: "in_progress", code: trip.startCode });
        this.drive(driver, { lat: trip.dropoffLat, lng: trip.dropoffLng }, "to_dropoff", tripId);
        return;
      }
      if (driver.phase === "to_dropoff" && tripId) await advanceTrip({ db, redis, driverId: driver.id, tripId, to: "completed" });
    } catch (error) {
      log.debug({ tripId, err: error instanceof Error ? error.message : String(error) }, "trip step refused");
    }
    this.cruise(driver, position);
  }

  private cruise(driver: SimDriver, from?: LatLng): void {
    const { position } = pointAlongPath(driver.path, driver.travelled);
    this.drive(driver, this.randomNode(), "cruising", null, from ?? position);
  }

  private drive(driver: SimDriver, to: LatLng, phase: Phase, tripId: string | null, from?: LatLng): void {
    const start = from ?? pointAlongPath(driver.path, driver.travelled).position;
    driver.path = routeBetween(start, to).path;
    driver.pathMeters = pathLengthMeters(driver.path);
    driver.travelled = 0;
    driver.phase = phase;
    driver.tripId = tripId;
  }

  private randomNode(among: readonly LatLng[] = roadNetwork().nodes): LatLng {
    return among[Math.floor(this.random() * among.length)] ?? DEMO_CITY.center;
  }
}
