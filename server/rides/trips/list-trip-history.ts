import { z } from "zod";
import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import { toTripView, TRIP_VIEW_SELECT, type TripView } from "./trip-view";

export const TripHistoryInput = z.object({ cursor: z.string().max(64).nullish(), limit: z.number().int().min(1).max(50).default(20) });

/** The rider's past trips, newest first, each with its receipt (fare, surge, timeline, payment). */
export async function listTripHistory({ db, redis, riderId, input }: { db: Db; redis: Redis; riderId: string; input: z.infer<typeof TripHistoryInput> }): Promise<{ items: TripView[]; nextCursor: string | null }> {
  const rows = await db.trip.findMany({
    where: { riderId, status: { in: ["completed", "cancelled", "no_drivers"] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: TRIP_VIEW_SELECT,
  });
  const page = rows.slice(0, input.limit);
  return { items: await Promise.all(page.map((row) => toTripView(redis, row, riderId))), nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null };
}
