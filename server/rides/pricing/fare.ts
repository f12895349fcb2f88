/**
 * Fares, in integer cents (USD): base + per kilometre + per minute, times the
 * surge multiplier of the pickup's cell, never below the minimum. Pure: the
 * rider's page shows the same breakdown the server charges.
 */
export const FARE_RATES = {
  currency: "usd",
  baseCents: 250,
  perKmCents: 120,
  perMinuteCents: 30,
  minimumCents: 600,
  /** What a rider pays for cancelling more than CANCEL_FREE_SECONDS after a driver was assigned. */
  cancelFeeCents: 500,
} as const;

/** A rider may cancel for free this long after a driver was assigned. */
export const CANCEL_FREE_SECONDS = 120;

export type FareInput = { distanceMeters: number; durationSeconds: number; surgeHundredths: number };
export type FareBreakdown = { baseCents: number; distanceCents: number; timeCents: number; surgeHundredths: number; totalCents: number };

export function calculateFare({ distanceMeters, durationSeconds, surgeHundredths }: FareInput): FareBreakdown {
  const baseCents = FARE_RATES.baseCents;
  const distanceCents = Math.round((Math.max(0, distanceMeters) * FARE_RATES.perKmCents) / 1000);
  const timeCents = Math.round((Math.max(0, durationSeconds) * FARE_RATES.perMinuteCents) / 60);
  const surged = Math.round(((baseCents + distanceCents + timeCents) * surgeHundredths) / 100);
  return { baseCents, distanceCents, timeCents, surgeHundredths, totalCents: Math.max(FARE_RATES.minimumCents, surged) };
}

/** The fee for a rider's cancellation: free until the driver has been assigned for more than CANCEL_FREE_SECONDS. */
export function cancellationFeeCents(assignedAt: Date | null, now: Date): number {
  if (!assignedAt) return 0;
  return now.getTime() - assignedAt.getTime() > CANCEL_FREE_SECONDS * 1000 ? FARE_RATES.cancelFeeCents : 0;
}

/** "$12.34" for an amount in cents. */
export function formatCents(cents: number, currency: string = FARE_RATES.currency): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(cents / 100);
}
