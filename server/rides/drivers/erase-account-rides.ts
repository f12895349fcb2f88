import type { AccountEraser } from "@/server/accounts/account-eraser";
import { AppError } from "@/server/errors";
import { OPEN_DRIVER_STATUSES, OPEN_RIDER_STATUSES } from "@/server/rides/trips/trip-states";
import { markOffline } from "./driver-index";

/**
 * A ride under way (as rider or driver) must end first. Otherwise the
 * person's trips go with the user row (as a driver's, they stay for their
 * riders without the driver: the foreign key sets null), and a driver leaves
 * the index of available drivers at once rather than at the next sweep.
 */
export const eraseAccountRides: AccountEraser = {
  system: "rides",
  check: async ({ db, userId }) => {
    const open = await db.trip.count({
      where: { OR: [{ riderId: userId, status: { in: [...OPEN_RIDER_STATUSES] } }, { driverId: userId, status: { in: [...OPEN_DRIVER_STATUSES] } }] },
    });
    if (open > 0) throw new AppError("CONFLICT", "You have a ride under way. Finish or cancel it before deleting your account.");
  },
  erase: async ({ redis, userId }) => {
    await markOffline(redis, userId);
  },
};
