import { calculateFare } from "@/server/rides/pricing/fare";
import type { TripView } from "@/server/rides/trips/trip-view";

export type ReceiptLine = { label: string; cents: number };

type ReceiptTrip = Pick<TripView, "status" | "distanceMeters" | "durationSeconds" | "surgeHundredths" | "fareCents" | "cancelFeeCents" | "amountDueCents">;

/**
 * What a receipt lists, in cents: for a completed trip the fare's parts as
 * quoted at request time (base, distance, time, the surge's share and any
 * lift to the minimum fare), adding up to the fare; for a late cancellation
 * the fee; otherwise nothing was charged. Pure, from the trip alone.
 */
export function receiptLines(trip: ReceiptTrip): ReceiptLine[] {
  if (trip.status === "cancelled") return trip.cancelFeeCents > 0 ? [{ label: "Cancellation fee", cents: trip.cancelFeeCents }] : [];
  if (trip.status !== "completed") return [];
  const fare = calculateFare(trip);
  const lines: ReceiptLine[] = [
    { label: "Base fare", cents: fare.baseCents },
    { label: `Distance (${(trip.distanceMeters / 1000).toFixed(1)} km)`, cents: fare.distanceCents },
    { label: `Time (${Math.max(1, Math.round(trip.durationSeconds / 60))} min)`, cents: fare.timeCents },
  ];
  const subtotal = fare.baseCents + fare.distanceCents + fare.timeCents;
  const surged = Math.round((subtotal * fare.surgeHundredths) / 100);
  if (surged !== subtotal) lines.push({ label: `Surge (${(fare.surgeHundredths / 100).toFixed(1)}×)`, cents: surged - subtotal });
  // The quoted fare is what was charged; anything the parts do not explain is the minimum fare's lift.
  if (trip.fareCents !== surged) lines.push({ label: "Minimum fare adjustment", cents: trip.fareCents - surged });
  return lines;
}

/** The payment's state in words, for the list and the receipt. */
export function paymentLabel(trip: Pick<TripView, "paymentStatus" | "amountDueCents">): { text: string; tone: "success" | "warning" | "neutral" } {
  if (trip.amountDueCents === 0) return { text: "No charge", tone: "neutral" };
  switch (trip.paymentStatus) {
    case "paid":
      return { text: "Paid", tone: "success" };
    case "pending":
      return { text: "Payment pending", tone: "warning" };
    default:
      return { text: "Payment due", tone: "warning" };
  }
}

/** "Dec 6, 2026, 8:15 PM" in the viewer's time zone (rendered in the browser only). */
export function formatTripDate(date: Date): string {
  return date.toLocaleString("en", { dateStyle: "medium", timeStyle: "short" });
}
