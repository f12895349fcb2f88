import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import { closeOffer } from "./close-offer";
import { matchTrip } from "./match-trip";

/** The offer-expiry job: an offer still unanswered at its deadline expires and the trip goes to the next driver. */
export async function expireOffer({ db, redis, offerId }: { db: Db; redis: Redis; offerId: string }): Promise<void> {
  const closed = await closeOffer({ db, redis, offerId, status: "expired" });
  if (closed) await matchTrip({ db, redis, tripId: closed.tripId });
}
