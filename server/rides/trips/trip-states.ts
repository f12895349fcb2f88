/**
 * The trip state machine: every status a trip may move to from each status,
 * enforced on the server (a move not in this table is CONFLICT, 409:
 * illegal-move.ts). Pure and client-safe: the pages import it for labels.
 *
 * requested → matching → assigned → arriving → in_progress → completed, with
 * cancellation open until the trip starts, and "no drivers" (after the last
 * offer) that the rider may retry.
 */
export const TRIP_STATUSES = ["requested", "matching", "assigned", "arriving", "in_progress", "completed", "cancelled", "no_drivers"] as const;
export type TripStatus = (typeof TRIP_STATUSES)[number];

export const TRIP_TRANSITIONS: Readonly<Record<TripStatus, readonly TripStatus[]>> = {
  requested: ["matching", "cancelled"],
  matching: ["assigned", "no_drivers", "cancelled"],
  // The first location update after accepting is "on the way" (arriving); a driver at the pickup already may start at once.
  assigned: ["arriving", "in_progress", "cancelled"],
  arriving: ["in_progress", "cancelled"],
  in_progress: ["completed"],
  completed: [],
  cancelled: [],
  no_drivers: ["matching", "cancelled"],
};

/** A driver is holding this trip: they must not get another offer or trip. */
export const OPEN_DRIVER_STATUSES: readonly TripStatus[] = ["assigned", "arriving", "in_progress"];
/** The trip is not over for its rider: they may not request another. */
export const OPEN_RIDER_STATUSES: readonly TripStatus[] = ["requested", "matching", ...OPEN_DRIVER_STATUSES];

export function canMove(from: TripStatus, to: TripStatus): boolean {
  return TRIP_TRANSITIONS[from].includes(to);
}

/** The statuses `to` may be entered from: the `WHERE status IN (...)` of a conditional update. */
export function statusesBefore(to: TripStatus): TripStatus[] {
  return TRIP_STATUSES.filter((from) => canMove(from, to));
}

const DESCRIPTIONS: Record<TripStatus, string> = {
  requested: "requested",
  matching: "looking for a driver",
  assigned: "assigned to a driver",
  arriving: "waiting for its driver to arrive",
  in_progress: "in progress",
  completed: "completed",
  cancelled: "cancelled",
  no_drivers: "without a driver (none available)",
};

export function describeStatus(status: TripStatus): string {
  return DESCRIPTIONS[status];
}

/** Why a rider cancels: one of these, stored with the trip. */
export const CANCEL_REASONS = ["Driver is taking too long", "Changed my plans", "Wrong pickup or drop-off", "Found another ride", "Other"] as const;
