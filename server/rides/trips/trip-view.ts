import type { Prisma } from "@/server/generated/prisma/client";
import type { Redis } from "@/server/platform/redis";
import { positionsOf } from "@/server/rides/drivers/driver-index";
import { distanceMeters, type LatLng } from "@/server/rides/demo-city/geo";
import { AVERAGE_SPEED_MPS, DETOUR_FACTOR } from "@/server/rides/geo/distance";
import { acceptanceRateOf, ratingOf } from "@/server/rides/matching/score";
import type { TripStatus } from "./trip-states";

export const TRIP_VIEW_SELECT = {
  id: true,
  riderId: true,
  driverId: true,
  status: true,
  pickupLat: true,
  pickupLng: true,
  pickupName: true,
  dropoffLat: true,
  dropoffLng: true,
  dropoffName: true,
  distanceMeters: true,
  durationSeconds: true,
  surgeHundredths: true,
  fareCents: true,
  currency: true,
  startCode: true,
  assignedAt: true,
  cancelReason: true,
  cancelledBy: true,
  cancelFeeCents: true,
  paymentStatus: true,
  createdAt: true,
  rider: { select: { name: true } },
  driver: { select: { name: true, driverProfile: true } },
  events: { select: { status: true, at: true }, orderBy: { id: "asc" } },
  rating: { select: { stars: true, comment: true } },
} satisfies Prisma.TripSelect;

type TripRow = Prisma.TripGetPayload<{ select: typeof TRIP_VIEW_SELECT }>;

export type TripView = {
  id: string;
  status: TripStatus;
  /** Who is looking: the rider sees the start code, the driver does not. */
  role: "rider" | "driver";
  pickup: LatLng & { name: string };
  dropoff: LatLng & { name: string };
  distanceMeters: number;
  durationSeconds: number;
  surgeHundredths: number;
  fareCents: number;
  currency: string;
  startCode: string | null;
  riderName: string;
  driver: { name: string; car: string; plate: string; rating: number; acceptanceRate: number; position: LatLng | null; etaSeconds: number | null } | null;
  cancelReason: string | null;
  cancelledBy: string | null;
  cancelFeeCents: number;
  /** What the rider owes now: the fare once completed, the fee after a late cancellation. */
  amountDueCents: number;
  paymentStatus: "none" | "pending" | "paid" | "due";
  events: Array<{ status: TripStatus; at: Date }>;
  rating: { stars: number; comment: string } | null;
  assignedAt: Date | null;
  createdAt: Date;
};

export function amountDue(trip: { status: string; fareCents: number; cancelFeeCents: number }): number {
  if (trip.status === "completed") return trip.fareCents;
  if (trip.status === "cancelled") return trip.cancelFeeCents;
  return 0;
}

/** A trip as its rider or driver sees it, with the driver's live position and ETA to the pickup while they come. */
export async function toTripView(redis: Redis, trip: TripRow, viewerId: string): Promise<TripView> {
  const pickup = { lat: trip.pickupLat, lng: trip.pickupLng };
  const profile = trip.driver?.driverProfile;
  let driver: TripView["driver"] = null;
  if (trip.driverId && trip.driver && profile) {
    const position = (await positionsOf(redis, [trip.driverId])).get(trip.driverId) ?? null;
    const coming = trip.status === "assigned" || trip.status === "arriving";
    driver = {
      name: trip.driver.name,
      car: `${profile.carColor} ${profile.carMake} ${profile.carModel}`,
      plate: profile.plate,
      rating: Math.round(ratingOf(profile) * 100) / 100,
      acceptanceRate: acceptanceRateOf(profile),
      position,
      etaSeconds: coming && position ? Math.round((distanceMeters(position, pickup) * DETOUR_FACTOR) / AVERAGE_SPEED_MPS) : null,
    };
  }
  const role = trip.riderId === viewerId ? "rider" : "driver";
  return {
    id: trip.id,
    status: trip.status,
    role,
    pickup: { ...pickup, name: trip.pickupName },
    dropoff: { lat: trip.dropoffLat, lng: trip.dropoffLng, name: trip.dropoffName },
    distanceMeters: trip.distanceMeters,
    durationSeconds: trip.durationSeconds,
    surgeHundredths: trip.surgeHundredths,
    fareCents: trip.fareCents,
    currency: trip.currency,
    startCode: role === "rider" ? trip.startCode : null,
    riderName: trip.rider.name,
    driver,
    cancelReason: trip.cancelReason,
    cancelledBy: trip.cancelledBy,
    cancelFeeCents: trip.cancelFeeCents,
    amountDueCents: amountDue(trip),
    paymentStatus: trip.paymentStatus,
    events: trip.events,
    rating: trip.rating,
    assignedAt: trip.assignedAt,
    createdAt: trip.createdAt,
  };
}
