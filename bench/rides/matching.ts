import { performance } from "node:perf_hooks";
import { Redis } from "ioredis";
import type { PrismaClient } from "../../server/generated/prisma/client";
import { RIDES_DRIVER_CHANNEL_PREFIX, RIDES_EVENTS, type OfferEvent } from "../../server/rides/rides-channels";
import { percentile, trpcMutation } from "../feed/http";
import { randomRide } from "./data-set";

/**
 * Offers as drivers' clients receive them: the realtime topics of the drivers'
 * channels in Redis, where the web and worker publish and every gateway
 * listens (a gateway forwards a frame to its sockets without changing it), so
 * the time measured is request → offer on its way to the driver.
 */
export class OfferListener {
  private readonly subscriber: Redis;
  private readonly seen = new Map<string, { at: number; offer: OfferEvent; driverId: string }>();
  private readonly waiting = new Map<string, () => void>();
  onOffer: ((offer: OfferEvent, driverId: string) => void) | undefined;

  private constructor(redisUrl: string) {
    this.subscriber = new Redis(redisUrl);
  }

  static async start(redisUrl: string): Promise<OfferListener> {
    const listener = new OfferListener(redisUrl);
    listener.subscriber.on("pmessage", (_pattern, topic: string, message: string) => listener.receive(topic, message));
    await listener.subscriber.psubscribe(`rt:*:channel:${RIDES_DRIVER_CHANNEL_PREFIX}*`);
    return listener;
  }

  private receive(topic: string, message: string): void {
    const at = performance.now();
    const frame = JSON.parse((JSON.parse(message) as { f: string }).f) as { event: string; data: string };
    if (frame.event !== RIDES_EVENTS.offer) return;
    const offer = JSON.parse(frame.data) as OfferEvent;
    const driverId = topic.slice(topic.indexOf(RIDES_DRIVER_CHANNEL_PREFIX) + RIDES_DRIVER_CHANNEL_PREFIX.length);
    if (!this.seen.has(offer.tripId)) this.seen.set(offer.tripId, { at, offer, driverId });
    this.onOffer?.(offer, driverId);
    this.waiting.get(offer.tripId)?.();
  }

  /** When the trip's first offer was published (performance.now()), or undefined after `timeoutMs`. */
  async firstOffer(tripId: string, timeoutMs: number): Promise<{ at: number; offer: OfferEvent; driverId: string } | undefined> {
    if (!this.seen.has(tripId)) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        this.waiting.set(tripId, () => {
          clearTimeout(timer);
          resolve();
        });
      });
      this.waiting.delete(tripId);
    }
    return this.seen.get(tripId);
  }

  stop(): void {
    this.subscriber.disconnect();
  }
}

/** Requests made first and not counted: the first calls of a fresh web process and worker load and compile their code. */
const FIRST_OFFER_WARM_UP = 3;

/**
 * Request → first offer: one rider at a time asks for a ride through the
 * real tRPC mutation (as the browser does); the clock stops when the matching
 * job's offer is published to the chosen driver. Each trip is then cancelled,
 * which frees its driver.
 */
export async function measureFirstOffer(options: { webUrl: string; listener: OfferListener; riderCookies: readonly string[] }): Promise<{ p50: number; p99: number; offered: number; requests: number }> {
  const samples: number[] = [];
  let missing = 0;
  for (const [index, cookie] of options.riderCookies.entries()) {
    const started = performance.now();
    const { data } = await trpcMutation<{ id: string }>(options.webUrl, "rides.rider.request", randomRide(), cookie);
    const first = await options.listener.firstOffer(data.id, 10_000);
    if (index >= FIRST_OFFER_WARM_UP) {
      if (first) samples.push(first.at - started);
      else missing += 1;
    }
    await trpcMutation(options.webUrl, "rides.rider.cancel", { tripId: data.id, reason: "Changed my plans" }, cookie);
  }
  return { p50: percentile(samples, 0.5), p99: percentile(samples, 0.99), offered: samples.length, requests: samples.length + missing };
}

export type ContentionResult = {
  requests: number;
  requestFailures: number;
  assigned: number;
  noDrivers: number;
  stillMatching: number;
  offers: number;
  acceptsRefused: number;
  acceptFailures: number;
  doubleAssigned: number;
  seconds: number;
};

/**
 * `riderCookies.length` riders ask for a ride at the same moment; every
 * driver accepts each offer the moment it arrives (through the real accept
 * mutation). When every trip has left "matching", counts the drivers holding
 * more than one trip or more than one accepted offer: must be 0.
 */
export async function measureContention(options: {
  db: PrismaClient;
  webUrl: string;
  prefix: string;
  listener: OfferListener;
  riderCookies: readonly string[];
  driverCookies: ReadonlyMap<string, string>;
  timeoutMs: number;
}): Promise<ContentionResult> {
  const { db, webUrl, listener, driverCookies } = options;
  let offers = 0;
  let acceptsRefused = 0;
  let acceptFailures = 0;
  const accepts: Array<Promise<unknown>> = [];
  listener.onOffer = (offer, driverId) => {
    const cookie = driverCookies.get(driverId);
    if (!cookie) return;
    offers += 1;
    accepts.push(
      trpcMutation(webUrl, "rides.driver.accept", { offerId: offer.offerId }, cookie).catch((error: unknown) => {
        if (String(error).includes("answered 409")) acceptsRefused += 1;
        else acceptFailures += 1;
      }),
    );
  };
  const started = performance.now();
  const requested = await Promise.allSettled(options.riderCookies.map((cookie) => trpcMutation<{ id: string }>(webUrl, "rides.rider.request", randomRide(), cookie)));
  const tripIds = requested.flatMap((outcome) => (outcome.status === "fulfilled" ? [outcome.value.data.id] : []));
  let stillMatching = tripIds.length;
  while (stillMatching > 0 && performance.now() - started < options.timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    stillMatching = await db.trip.count({ where: { id: { in: tripIds }, status: { in: ["requested", "matching"] } } });
  }
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(accepts);
  listener.onOffer = undefined;

  const byStatus = await db.trip.groupBy({ by: ["status"], where: { id: { in: tripIds } }, _count: true });
  const count = (status: string) => byStatus.find((row) => row.status === status)?._count ?? 0;
  const doubleTrips = await db.trip.groupBy({ by: ["driverId"], where: { riderId: { startsWith: options.prefix }, driverId: { not: null }, status: { in: ["assigned", "arriving", "in_progress"] } }, _count: true, having: { driverId: { _count: { gt: 1 } } } });
  const doubleAccepts = await db.tripOffer.groupBy({ by: ["driverId"], where: { driverId: { startsWith: options.prefix }, status: "accepted" }, _count: true, having: { driverId: { _count: { gt: 1 } } } });
  const doubled = new Set([...doubleTrips.map((row) => row.driverId), ...doubleAccepts.map((row) => row.driverId)]);
  return {
    requests: options.riderCookies.length,
    requestFailures: requested.length - tripIds.length,
    assigned: count("assigned"),
    noDrivers: count("no_drivers"),
    stillMatching,
    offers,
    acceptsRefused,
    acceptFailures,
    doubleAssigned: doubled.size,
    seconds: Math.round(seconds * 10) / 10,
  };
}
