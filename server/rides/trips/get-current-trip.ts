import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import { OPEN_RIDER_STATUSES } from "./trip-states";
import { toTripView, TRIP_VIEW_SELECT, type TripView } from "./trip-view";

/**
 * The rider's trip on screen: one under way, or the latest one still asking
 * for something (a retry after "no drivers", a payment, a rating), from the last day.
 */
export async function getCurrentTrip({ db, redis, riderId, now = new Date() }: { db: Db; redis: Redis; riderId: string; now?: Date }): Promise<TripView | null> {
  const since = new Date(now.getTime() - 24 * 3600 * 1000);
  const trip = await db.trip.findFirst({
    where: {
      riderId,
      createdAt: { gte: since },
      OR: [
        { status: { in: [...OPEN_RIDER_STATUSES, "no_drivers"] } },
        { status: "completed", OR: [{ paymentStatus: { not: "paid" } }, { rating: null }] },
        { status: "cancelled", cancelFeeCents: { gt: 0 }, paymentStatus: { not: "paid" } },
      ],
    },
    orderBy: { createdAt: "desc" },
    select: TRIP_VIEW_SELECT,
  });
  return trip ? toTripView(redis, trip, riderId) : null;
}
