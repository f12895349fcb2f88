import { describe, expect, it } from "vitest";
import { calculateFare } from "@/server/rides/pricing/fare";
import { paymentLabel, receiptLines } from "./receipt-lines";

const sum = (lines: Array<{ cents: number }>) => lines.reduce((total, line) => total + line.cents, 0);

describe("receiptLines", () => {
  it("breaks a completed fare into parts that add up to what was charged, surge included", () => {
    const route = { distanceMeters: 6_400, durationSeconds: 900, surgeHundredths: 150 };
    const trip = { ...route, status: "completed" as const, fareCents: calculateFare(route).totalCents, cancelFeeCents: 0, amountDueCents: 0 };
    const lines = receiptLines(trip);
    expect(lines.map((line) => line.label)).toEqual(["Base fare", "Distance (6.4 km)", "Time (15 min)", "Surge (1.5×)"]);
    expect(sum(lines)).toBe(trip.fareCents);
  });

  it("shows the lift to the minimum fare on a short trip", () => {
    const route = { distanceMeters: 500, durationSeconds: 60, surgeHundredths: 100 };
    const trip = { ...route, status: "completed" as const, fareCents: calculateFare(route).totalCents, cancelFeeCents: 0, amountDueCents: 0 };
    const lines = receiptLines(trip);
    expect(lines.at(-1)?.label).toBe("Minimum fare adjustment");
    expect(sum(lines)).toBe(trip.fareCents);
  });

  it("charges only the fee for a late cancellation, and nothing for a free one", () => {
    const trip = { status: "cancelled" as const, distanceMeters: 3_000, durationSeconds: 400, surgeHundredths: 100, fareCents: 1_200, cancelFeeCents: 500, amountDueCents: 500 };
    expect(receiptLines(trip)).toEqual([{ label: "Cancellation fee", cents: 500 }]);
    expect(receiptLines({ ...trip, cancelFeeCents: 0, amountDueCents: 0 })).toEqual([]);
  });
});

describe("paymentLabel", () => {
  it("names paid, pending, due and free trips", () => {
    expect(paymentLabel({ paymentStatus: "paid", amountDueCents: 900 }).text).toBe("Paid");
    expect(paymentLabel({ paymentStatus: "pending", amountDueCents: 900 }).text).toBe("Payment pending");
    expect(paymentLabel({ paymentStatus: "due", amountDueCents: 900 }).text).toBe("Payment due");
    expect(paymentLabel({ paymentStatus: "none", amountDueCents: 0 }).text).toBe("No charge");
  });
});
