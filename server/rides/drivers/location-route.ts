import { AppError } from "@/server/errors";
import { getSessionUser } from "@/server/platform/auth";
import { logger } from "@/server/platform/logger";
import { publish } from "@/server/platform/realtime";
import { redis } from "@/server/platform/redis";
import { json, parseJsonObject, type Answer } from "@/server/web/answer";
import { invalidInput } from "@/server/web/invalid-input";
import type { WebRequest } from "@/server/web/request";
import { DriverLocationInput, recordDriverLocation } from "./record-driver-location";

/** `{ lat, lng, accuracy, heading }` is well under a kilobyte. */
const LOCATION_MAX_REQUEST_BYTES = 1024;
const log = logger.child({ module: "rides-location" });

/**
 * POST /api/rides/location: a driver's location update, every 2 s per online
 * driver, so a row of the route table answered before Next when self-hosted
 * (server/web/routes.ts), with no tRPC on the way. 200 `{ flagged, state }`;
 * 400 for an invalid or implausible fix; 409 when the driver is not online.
 */
export async function locationRoute(request: WebRequest): Promise<Answer> {
  const user = await getSessionUser(request.headers);
  if (!user) throw new AppError("UNAUTHORIZED", "Sign in to drive.");
  const input = DriverLocationInput.safeParse(parseJsonObject(await request.readBody(LOCATION_MAX_REQUEST_BYTES)));
  if (!input.success) throw invalidInput(input.error);
  const recorded = await recordDriverLocation({
    redis,
    driverId: user.id,
    input: input.data,
    // The driver need not wait for the rider's copy; a lost one is replaced 2 s later.
    publish: (channel, event, data) =>
      request.defer(() => publish(channel, event, data).catch((error: unknown) => log.warn({ err: error instanceof Error ? error.message : String(error) }, "location publish failed"))),
  });
  return json(200, recorded);
}
