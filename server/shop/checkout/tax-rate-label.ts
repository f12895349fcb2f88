/** A rate in basis points as people read it: 1900 → "19%", 725 → "7.25%". Pure, for pages and payment lines alike. */
export function taxRateLabel(basisPoints: number): string {
  return `${basisPoints / 100}%`;
}
