/**
 * The matching score of the seeds' design, lower is better:
 * distance (km) + (5 − rating) × 0.5 + (1 − acceptance rate) × 0.3.
 * A kilometre closer outweighs a point of rating; a half-ignoring driver pays
 * 150 m. Pure.
 */
export type Candidate = { driverId: string; distanceMeters: number; rating: number; acceptanceRate: number };
export type ScoredCandidate = Candidate & { score: number };

export function scoreCandidate({ distanceMeters, rating, acceptanceRate }: Candidate): number {
  return distanceMeters / 1000 + (5 - rating) * 0.5 + (1 - acceptanceRate) * 0.3;
}

/** Best first; equal scores go to the nearer driver, then by id so the order is stable. */
export function rankCandidates(candidates: readonly Candidate[]): ScoredCandidate[] {
  return candidates
    .map((candidate) => ({ ...candidate, score: scoreCandidate(candidate) }))
    .sort((a, b) => a.score - b.score || a.distanceMeters - b.distanceMeters || a.driverId.localeCompare(b.driverId));
}

/** A driver's rating: 5.0 until the first rider rates them. */
export function ratingOf(profile: { ratingSum: number; ratingCount: number }): number {
  return profile.ratingCount === 0 ? 5 : profile.ratingSum / profile.ratingCount;
}

/** A driver's acceptance rate: 1.0 until the first offer. */
export function acceptanceRateOf(profile: { offersMade: number; offersAccepted: number }): number {
  return profile.offersMade === 0 ? 1 : profile.offersAccepted / profile.offersMade;
}
