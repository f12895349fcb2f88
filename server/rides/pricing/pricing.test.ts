import { cellToLatLng, getResolution } from "h3-js";
import { describe, expect, it } from "vitest";
import { distanceMeters } from "@/server/rides/demo-city/geo";
import { estimateRoute } from "@/server/rides/geo/distance";
import { calculateFare, cancellationFeeCents, FARE_RATES, formatCents } from "./fare";
import { formatSurge, surgeCellOf, surgeHundredths } from "./surge";

describe("fare", () => {
  it("is base + per km + per minute in whole cents, times surge", () => {
    // 250 + 5.5 km × 120 + 14 min × 30 = 250 + 660 + 420 = 1330
    expect(calculateFare({ distanceMeters: 5_500, durationSeconds: 840, surgeHundredths: 100 })).toEqual({
      baseCents: 250,
      distanceCents: 660,
      timeCents: 420,
      surgeHundredths: 100,
      totalCents: 1_330,
    });
    expect(calculateFare({ distanceMeters: 5_500, durationSeconds: 840, surgeHundredths: 150 }).totalCents).toBe(1_995);
    expect(calculateFare({ distanceMeters: 5_500, durationSeconds: 840, surgeHundredths: 250 }).totalCents).toBe(3_325);
  });

  it("rounds to integer cents and never goes below the minimum", () => {
    const fare = calculateFare({ distanceMeters: 1_234, durationSeconds: 95, surgeHundredths: 130 });
    expect(Number.isInteger(fare.totalCents)).toBe(true);
    expect(calculateFare({ distanceMeters: 100, durationSeconds: 30, surgeHundredths: 100 }).totalCents).toBe(FARE_RATES.minimumCents);
  });

  it("charges a cancellation fee only past two minutes after assignment", () => {
    const assignedAt = new Date("2026-12-06T10:00:00Z");
    expect(cancellationFeeCents(null, new Date("2026-12-06T11:00:00Z"))).toBe(0);
    expect(cancellationFeeCents(assignedAt, new Date("2026-12-06T10:02:00Z"))).toBe(0);
    expect(cancellationFeeCents(assignedAt, new Date("2026-12-06T10:02:01Z"))).toBe(FARE_RATES.cancelFeeCents);
  });

  it("formats cents as money", () => {
    expect(formatCents(1_995)).toBe("$19.95");
  });
});

describe("surge", () => {
  it("is 1.0× while drivers cover requests and grows 0.5× per extra request per driver", () => {
    expect(surgeHundredths(0, 0)).toBe(100);
    expect(surgeHundredths(3, 5)).toBe(100);
    expect(surgeHundredths(5, 5)).toBe(100);
    expect(surgeHundredths(10, 5)).toBe(150);
    expect(surgeHundredths(7, 5)).toBe(120);
  });

  it("is capped at 2.5× and is the cap when demand meets no driver", () => {
    expect(surgeHundredths(50, 5)).toBe(250);
    expect(surgeHundredths(1, 0)).toBe(250);
  });

  it("rises monotonically with demand", () => {
    let previous = 0;
    for (let requests = 0; requests <= 40; requests++) {
      const surge = surgeHundredths(requests, 8);
      expect(surge).toBeGreaterThanOrEqual(previous);
      expect(surge).toBeGreaterThanOrEqual(100);
      expect(surge).toBeLessThanOrEqual(250);
      previous = surge;
    }
  });

  it("uses H3 cells of resolution 8, the same cell for nearby points", () => {
    const cell = surgeCellOf(52.52, 13.405);
    expect(getResolution(cell)).toBe(8);
    const [lat, lng] = cellToLatLng(cell);
    expect(surgeCellOf(lat, lng)).toBe(cell);
    expect(surgeCellOf(52.6, 13.405)).not.toBe(cell);
    expect(formatSurge(150)).toBe("1.5×");
  });
});

describe("distance", () => {
  it("measures the great circle and estimates a city route from it", () => {
    // One degree of latitude is ~111.2 km.
    expect(distanceMeters({ lat: 0, lng: 0 }, { lat: 1, lng: 0 })).toBeCloseTo(111_195, -2);
    const route = estimateRoute({ lat: 52.52, lng: 13.405 }, { lat: 52.53, lng: 13.405 });
    expect(route.distanceMeters).toBeCloseTo(1_112 * 1.3, -1);
    expect(route.durationSeconds).toBe(Math.round(route.distanceMeters / (30 / 3.6)));
  });
});
