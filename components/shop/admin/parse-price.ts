/** "19.99" → 1999; null when it is not a price (admin forms type prices in the currency's major unit). */
export function parsePrice(text: string): number | null {
  const match = /^\s*(\d{1,7})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "0").padEnd(2, "0"));
}
