import type { Prisma } from "@/server/generated/prisma/client";
import type { Db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import { publish } from "@/server/platform/realtime";
import { RIDES_EVENTS, tripChannel, type TripStatusEvent } from "@/server/rides/rides-channels";
import { statusesBefore, type TripStatus } from "./trip-states";

type Tx = Prisma.TransactionClient | Db;
const log = logger.child({ module: "rides" });

/**
 * Moves a trip to `to` if its current status allows it (the state machine's
 * table, as a conditional update: no read-then-write race) and `where` holds,
 * storing the change with its time. False when the trip was not in a status
 * that may move there; the caller says why (illegalMove).
 */
export async function moveTrip(tx: Tx, tripId: string, to: TripStatus, change: { where?: Prisma.TripWhereInput; data?: Prisma.TripUncheckedUpdateManyInput; at?: Date } = {}): Promise<boolean> {
  const at = change.at ?? new Date();
  const moved = await tx.trip.updateMany({ where: { ...change.where, id: tripId, status: { in: statusesBefore(to) } }, data: { ...change.data, status: to } });
  if (moved.count === 0) return false;
  await tx.tripEvent.create({ data: { tripId, status: to, at } });
  return true;
}

/** Tells both parties' pages (the trip's channel) that the trip entered `status`; a lost event is caught up by their next read. */
export async function announceTripStatus(tripId: string, status: TripStatus, at: Date = new Date()): Promise<void> {
  const event: TripStatusEvent = { tripId, status, at: at.toISOString() };
  await publish(tripChannel(tripId), RIDES_EVENTS.tripStatus, event).catch((error: unknown) =>
    log.warn({ tripId, status, err: error instanceof Error ? error.message : String(error) }, "could not announce a trip's status"),
  );
}
