import type { Db } from "@/server/platform/db";
import { enqueue } from "@/server/platform/queue";
import type { Redis } from "@/server/platform/redis";
import { offerNotOpen } from "./accept-offer";
import { closeOffer } from "./close-offer";

/** A driver says no: the trip goes to the next driver at once (matching job), not after the timeout. */
export async function declineOffer({ db, redis, driverId, offerId }: { db: Db; redis: Redis; driverId: string; offerId: string }): Promise<{ declined: true }> {
  const closed = await closeOffer({ db, redis, offerId, driverId, status: "declined" });
  if (!closed) throw await offerNotOpen(db, offerId, driverId);
  await enqueue("rides-match", { tripId: closed.tripId }, { jobId: `match-${closed.tripId}-declined-${offerId}` });
  return { declined: true };
}
