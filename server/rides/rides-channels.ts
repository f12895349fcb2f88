/**
 * Rides' realtime channels and events, in one place for the publishers, the
 * gateway's authorization (rides-channel-rules.ts) and the browser. Pure: the
 * browser imports it.
 *
 * - `private-rides-trip-<tripId>`: the trip's status changes and, during the
 *   trip, its driver's position. Its rider and its assigned driver only.
 * - `private-rides-driver-<userId>`: offers made to a driver, and their
 *   withdrawal. That driver only.
 */
export const RIDES_TRIP_CHANNEL_PREFIX = "private-rides-trip-";
export const RIDES_DRIVER_CHANNEL_PREFIX = "private-rides-driver-";

export function tripChannel(tripId: string): string {
  return `${RIDES_TRIP_CHANNEL_PREFIX}${tripId}`;
}

export function driverChannel(driverId: string): string {
  return `${RIDES_DRIVER_CHANNEL_PREFIX}${driverId}`;
}

export const RIDES_EVENTS = {
  /** TripStatusEvent: the trip entered a status; clients refetch the trip. */
  tripStatus: "trip-status",
  /** DriverLocationEvent: the assigned driver moved. */
  driverLocation: "driver-location",
  /** OfferEvent: a new offer for this driver, answer before `expiresAt`. */
  offer: "offer",
  /** `{ offerId }`: the offer expired or its trip was cancelled. */
  offerClosed: "offer-closed",
} as const;

export type TripStatusEvent = { tripId: string; status: string; at: string };
export type DriverLocationEvent = { tripId: string; lat: number; lng: number; heading: number | null; at: number };
export type OfferEvent = {
  offerId: string;
  tripId: string;
  pickup: { lat: number; lng: number; name: string };
  dropoff: { lat: number; lng: number; name: string };
  pickupMeters: number;
  fareCents: number;
  currency: string;
  expiresAt: string;
};
