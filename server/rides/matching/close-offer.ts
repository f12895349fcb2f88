import type { Db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import { publish } from "@/server/platform/realtime";
import type { Redis } from "@/server/platform/redis";
import { moveDriver } from "@/server/rides/drivers/driver-index";
import { driverChannel, RIDES_EVENTS } from "@/server/rides/rides-channels";

const log = logger.child({ module: "rides" });

/**
 * Ends a pending offer as declined or expired (only if it is still pending:
 * one of accept, decline, expiry wins) and frees its driver for other offers.
 * Answers the offer's trip when this call closed it, null otherwise.
 */
export async function closeOffer({
  db,
  redis,
  offerId,
  status,
  driverId,
  now = new Date(),
}: {
  db: Db;
  redis: Redis;
  offerId: string;
  status: "declined" | "expired";
  /** Only this driver's offer (a decline); unset for the expiry job. */
  driverId?: string;
  now?: Date;
}): Promise<{ tripId: string; driverId: string } | null> {
  const closed = await db.tripOffer.updateMany({ where: { id: offerId, status: "pending", ...(driverId ? { driverId } : {}) }, data: { status, respondedAt: now } });
  if (closed.count === 0) return null;
  const offer = await db.tripOffer.findUniqueOrThrow({ where: { id: offerId }, select: { tripId: true, driverId: true } });
  await moveDriver(redis, offer.driverId, { from: "offered", tripId: offer.tripId, to: "available" });
  await publish(driverChannel(offer.driverId), RIDES_EVENTS.offerClosed, { offerId, status }).catch((error: unknown) =>
    log.warn({ offerId, err: error instanceof Error ? error.message : String(error) }, "could not announce a closed offer"),
  );
  return offer;
}
