import { AppError } from "@/server/errors";
import type { Redis } from "@/server/platform/redis";
import { markOffline, readDriver } from "./driver-index";

/** A driver ends their shift; not while an offer waits for their answer or a trip is theirs. */
export async function goOffline({ redis, driverId }: { redis: Redis; driverId: string }): Promise<{ online: false }> {
  const driver = await readDriver(redis, driverId);
  if (driver?.state === "offered") throw new AppError("CONFLICT", "Answer the offer on your screen first.");
  if (driver?.state === "on_trip") throw new AppError("CONFLICT", "Finish your trip before going offline.");
  await markOffline(redis, driverId);
  return { online: false };
}
