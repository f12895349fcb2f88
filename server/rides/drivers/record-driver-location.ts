import { z } from "zod";
import { AppError } from "@/server/errors";
import type { Redis } from "@/server/platform/redis";
import { RIDES_EVENTS, tripChannel, type DriverLocationEvent } from "@/server/rides/rides-channels";
import { readDriver, recordFix, type DriverState } from "./driver-index";
import { checkLocation } from "./location-check";

export const DriverLocationInput = z.object({
  lat: z.number().finite(),
  lng: z.number().finite(),
  /** Metres, as the browser's Geolocation API reports it. */
  accuracy: z.number().finite().min(0),
  heading: z.number().finite().min(0).max(360).nullish(),
});
export type DriverLocationInput = z.infer<typeof DriverLocationInput>;

export type RecordedLocation = { flagged: boolean; state: DriverState };

/**
 * One location update of an online driver (every 2 s from the driver's page
 * or the simulator): checked for plausibility against their last fix (server
 * time, not the client's), filed in the index of their state, and during a
 * trip published to the trip's channel by `publish` (deferred by the route).
 */
export async function recordDriverLocation({
  redis,
  driverId,
  input,
  now = Date.now(),
  publish,
}: {
  redis: Redis;
  driverId: string;
  input: DriverLocationInput;
  now?: number;
  publish: (channel: string, event: string, data: DriverLocationEvent) => void;
}): Promise<RecordedLocation> {
  const driver = await readDriver(redis, driverId);
  if (!driver) throw new AppError("CONFLICT", "Go online before sending your location.");
  const verdict = checkLocation({ lat: input.lat, lng: input.lng, at: now, accuracy: input.accuracy }, driver.fix);
  if (!verdict.ok) throw new AppError("BAD_REQUEST", verdict.reason);
  const filed = await recordFix(redis, driverId, { lat: input.lat, lng: input.lng, at: now, flagged: verdict.flagged });
  // Went offline between the two calls.
  if (!filed) throw new AppError("CONFLICT", "Go online before sending your location.");
  if (filed.state === "on_trip" && filed.tripId) {
    publish(tripChannel(filed.tripId), RIDES_EVENTS.driverLocation, { tripId: filed.tripId, lat: input.lat, lng: input.lng, heading: input.heading ?? null, at: now });
  }
  return { flagged: verdict.flagged, state: filed.state };
}
