import type { ChannelAccessRules } from "@/server/platform/channel-access";
import { db } from "@/server/platform/db";
import { RIDES_DRIVER_CHANNEL_PREFIX, RIDES_TRIP_CHANNEL_PREFIX } from "./rides-channels";

/**
 * Rides' rows of the channel-access table (composed in
 * server/realtime/channel-rules.ts): a trip's channel is its rider's and its
 * assigned driver's, checked on every subscribe (a driver who was only offered
 * the trip, or whose offer expired, is refused); offers are their driver's.
 */
export const RIDES_CHANNEL_RULES: ChannelAccessRules = {
  [RIDES_TRIP_CHANNEL_PREFIX]: async ({ user, id }) =>
    (await db.trip.count({ where: { id, OR: [{ riderId: user.id }, { driverId: user.id }] } })) === 1,
  [RIDES_DRIVER_CHANNEL_PREFIX]: ({ user, id }) => id === user.id,
};
