import { describe, expect, it } from "vitest";
import { acceptanceRateOf, rankCandidates, ratingOf, scoreCandidate } from "./score";

describe("matching score", () => {
  it("is distance (km) + (5 − rating) × 0.5 + (1 − acceptance rate) × 0.3", () => {
    expect(scoreCandidate({ driverId: "a", distanceMeters: 2_000, rating: 4, acceptanceRate: 0.5 })).toBeCloseTo(2 + 0.5 + 0.15, 10);
    expect(scoreCandidate({ driverId: "a", distanceMeters: 0, rating: 5, acceptanceRate: 1 })).toBe(0);
  });

  it("ranks the lowest score first: a close, well-rated, accepting driver beats a closer poor one", () => {
    const ranked = rankCandidates([
      { driverId: "near-poor", distanceMeters: 300, rating: 3, acceptanceRate: 0.2 }, // 0.3 + 1 + 0.24 = 1.54
      { driverId: "far-good", distanceMeters: 1_400, rating: 5, acceptanceRate: 1 }, // 1.4
      { driverId: "mid-ok", distanceMeters: 800, rating: 4.8, acceptanceRate: 0.9 }, // 0.8 + 0.1 + 0.03 = 0.93
      { driverId: "very-far", distanceMeters: 9_000, rating: 5, acceptanceRate: 1 }, // 9
    ]);
    expect(ranked.map((candidate) => candidate.driverId)).toEqual(["mid-ok", "far-good", "near-poor", "very-far"]);
    expect(ranked[0]?.score).toBeCloseTo(0.93, 10);
  });

  it("breaks ties by distance, then id", () => {
    const ranked = rankCandidates([
      { driverId: "b", distanceMeters: 1_000, rating: 5, acceptanceRate: 1 },
      { driverId: "a", distanceMeters: 1_000, rating: 5, acceptanceRate: 1 },
      { driverId: "c", distanceMeters: 500, rating: 4, acceptanceRate: 1 }, // 0.5 + 0.5 = 1.0, nearer
    ]);
    expect(ranked.map((candidate) => candidate.driverId)).toEqual(["c", "a", "b"]);
  });

  it("gives new drivers a 5.0 rating and a full acceptance rate", () => {
    expect(ratingOf({ ratingSum: 0, ratingCount: 0 })).toBe(5);
    expect(ratingOf({ ratingSum: 9, ratingCount: 2 })).toBe(4.5);
    expect(acceptanceRateOf({ offersMade: 0, offersAccepted: 0 })).toBe(1);
    expect(acceptanceRateOf({ offersMade: 4, offersAccepted: 3 })).toBe(0.75);
  });
});
