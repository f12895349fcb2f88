import { z } from "zod";
import { getPayments } from "@/server/platform/payments";
import { protectedProcedure, router } from "@/server/trpc/init";
import { requestOrigin } from "@/server/web/request-origin";
import { goOffline } from "./drivers/go-offline";
import { goOnline } from "./drivers/go-online";
import { advanceTrip } from "./driving/advance-trip";
import { getDriverDashboard } from "./driving/get-driver-dashboard";
import { RegisterDriverInput, registerDriver } from "./driving/register-driver";
import { acceptOffer } from "./matching/accept-offer";
import { declineOffer } from "./matching/decline-offer";
import { payTrip } from "./payments/pay-trip";
import { getSurgeMap, SurgeMapInput } from "./pricing/get-surge-map";
import { CancelTripInput, cancelTrip } from "./trips/cancel-trip";
import { estimateTrip, TripPlacesInput } from "./trips/estimate-trip";
import { getCurrentTrip } from "./trips/get-current-trip";
import { getTrip } from "./trips/get-trip";
import { TripHistoryInput, listTripHistory } from "./trips/list-trip-history";
import { RateTripInput, rateTrip } from "./trips/rate-trip";
import { requestTrip } from "./trips/request-trip";
import { retryTrip } from "./trips/retry-trip";

/**
 * The Rides API (pages /rides and /rides/drive). Everything acts as the
 * signed-in person: as a rider on their own trips, as a driver on their own
 * offers and the trip assigned to them; anyone else's trip is NOT_FOUND.
 * Location updates are not here: POST /api/rides/location (a hot path).
 */
const TripIdInput = z.object({ tripId: z.string().min(1).max(64) });
const OfferIdInput = z.object({ offerId: z.string().min(1).max(64) });

const riderRouter = router({
  estimate: protectedProcedure.input(TripPlacesInput).query(({ ctx, input }) => estimateTrip({ redis: ctx.redis, input })),
  request: protectedProcedure.input(TripPlacesInput).mutation(({ ctx, input }) => requestTrip({ db: ctx.db, redis: ctx.redis, riderId: ctx.user.id, input })),
  current: protectedProcedure.query(({ ctx }) => getCurrentTrip({ db: ctx.db, redis: ctx.redis, riderId: ctx.user.id })),
  cancel: protectedProcedure.input(CancelTripInput).mutation(({ ctx, input }) => cancelTrip({ db: ctx.db, redis: ctx.redis, riderId: ctx.user.id, input })),
  retry: protectedProcedure.input(TripIdInput).mutation(({ ctx, input }) => retryTrip({ db: ctx.db, redis: ctx.redis, riderId: ctx.user.id, tripId: input.tripId })),
  pay: protectedProcedure
    .input(TripIdInput)
    .mutation(({ ctx, input }) => payTrip({ db: ctx.db, payments: getPayments(), rider: ctx.user, tripId: input.tripId, origin: requestOrigin(ctx.headers) })),
  rate: protectedProcedure.input(RateTripInput).mutation(({ ctx, input }) => rateTrip({ db: ctx.db, riderId: ctx.user.id, input })),
  /** The heat layer: surging H3 cells near the viewer. */
  surge: protectedProcedure.input(SurgeMapInput).query(({ ctx, input }) => getSurgeMap({ redis: ctx.redis, input })),
  history: protectedProcedure.input(TripHistoryInput).query(({ ctx, input }) => listTripHistory({ db: ctx.db, redis: ctx.redis, riderId: ctx.user.id, input })),
});

const driverRouter = router({
  dashboard: protectedProcedure.query(({ ctx }) => getDriverDashboard({ db: ctx.db, redis: ctx.redis, driverId: ctx.user.id })),
  register: protectedProcedure.input(RegisterDriverInput).mutation(({ ctx, input }) => registerDriver({ db: ctx.db, userId: ctx.user.id, input })),
  goOnline: protectedProcedure.mutation(({ ctx }) => goOnline({ db: ctx.db, redis: ctx.redis, driverId: ctx.user.id })),
  goOffline: protectedProcedure.mutation(({ ctx }) => goOffline({ redis: ctx.redis, driverId: ctx.user.id })),
  accept: protectedProcedure.input(OfferIdInput).mutation(({ ctx, input }) => acceptOffer({ db: ctx.db, redis: ctx.redis, driverId: ctx.user.id, offerId: input.offerId })),
  decline: protectedProcedure.input(OfferIdInput).mutation(({ ctx, input }) => declineOffer({ db: ctx.db, redis: ctx.redis, driverId: ctx.user.id, offerId: input.offerId })),
  navigate: protectedProcedure
    .input(TripIdInput)
    .mutation(({ ctx, input }) => advanceTrip({ db: ctx.db, redis: ctx.redis, driverId: ctx.user.id, tripId: input.tripId, to: "arriving" })),
  start: protectedProcedure
    .input(TripIdInput.extend({ code: z.string().regex(/^\d{4}$/, "The code is 4 digits.") }))
    .mutation(({ ctx, input }) => advanceTrip({ db: ctx.db, redis: ctx.redis, driverId: ctx.user.id, tripId: input.tripId, to: "in_progress", code: input.code })),
  complete: protectedProcedure
    .input(TripIdInput)
    .mutation(({ ctx, input }) => advanceTrip({ db: ctx.db, redis: ctx.redis, driverId: ctx.user.id, tripId: input.tripId, to: "completed" })),
});

export const ridesRouter = router({
  rider: riderRouter,
  driver: driverRouter,
  /** One trip, for its rider or driver (the receipts, the driver's view). */
  trip: protectedProcedure.input(TripIdInput).query(({ ctx, input }) => getTrip({ db: ctx.db, redis: ctx.redis, viewerId: ctx.user.id, tripId: input.tripId })),
});
