/** The analytics ranges, as the URL (?range=) and the stats query name them. */
export const STATS_RANGES = [
  { value: "24h", label: "24 hours" },
  { value: "7d", label: "7 days" },
  { value: "30d", label: "30 days" },
  { value: "all", label: "All time" },
] as const;

export type StatsRangeValue = (typeof STATS_RANGES)[number]["value"];
export const DEFAULT_STATS_RANGE: StatsRangeValue = "7d";

export function parseStatsRange(value: string | string[] | undefined): StatsRangeValue {
  const raw = Array.isArray(value) ? value[0] : value;
  return STATS_RANGES.find((range) => range.value === raw)?.value ?? DEFAULT_STATS_RANGE;
}

export function rangeLabel(range: StatsRangeValue): string {
  return STATS_RANGES.find((entry) => entry.value === range)?.label ?? range;
}
