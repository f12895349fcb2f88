import { z } from "zod";

/** A carrier's tracking number, required to mark an order shipped. Pure zod, shared with the admin's dialog. */
export const TRACKING_NUMBER_LIMITS = { min: 3, max: 64 } as const;

export const TrackingNumber = z
  .string()
  .trim()
  .min(TRACKING_NUMBER_LIMITS.min, `Tracking numbers have at least ${TRACKING_NUMBER_LIMITS.min} characters.`)
  .max(TRACKING_NUMBER_LIMITS.max, `Tracking numbers have at most ${TRACKING_NUMBER_LIMITS.max} characters.`)
  .regex(/^[A-Za-z0-9][A-Za-z0-9 -]*$/, "Tracking numbers use letters, digits, spaces and '-'.");
