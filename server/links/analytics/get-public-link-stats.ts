import { z } from "zod";
import type { Db } from "@/server/platform/db";
import { getLinkStats } from "./get-link-stats";

/**
 * GET /api/stats/{code}: the 200 answer (public REST API, shape fixed by the
 * Links issue). All time, bots excluded. `uniqueVisitors` is unique per UTC
 * day, summed over the days; `clicksByDate` has every UTC day since the link
 * was created.
 */
const NameCount = z.strictObject({ name: z.string(), count: z.number().int() });
export const PublicLinkStats = z.strictObject({
  shortCode: z.string(),
  originalUrl: z.string(),
  totalClicks: z.number().int(),
  uniqueVisitors: z.number().int(),
  clicksByDate: z.record(z.iso.date(), z.number().int()),
  topReferrers: z.array(z.strictObject({ referrer: z.string(), count: z.number().int() })),
  topCountries: z.array(z.strictObject({ country: z.string(), count: z.number().int() })),
  devices: z.array(NameCount),
  browsers: z.array(NameCount),
});
export type PublicLinkStats = z.infer<typeof PublicLinkStats>;

export async function getPublicLinkStats({ db, ownerId, code }: { db: Db; ownerId: string; code: string }): Promise<PublicLinkStats> {
  const stats = await getLinkStats({ db, ownerId, code, range: "all" });
  return {
    shortCode: stats.code,
    originalUrl: stats.url,
    totalClicks: stats.totalClicks,
    uniqueVisitors: stats.uniqueVisitors,
    clicksByDate: Object.fromEntries(stats.timeline.map((point) => [point.start, point.clicks])),
    topReferrers: stats.referrers.map(({ name, count }) => ({ referrer: name, count })),
    topCountries: stats.countries.map(({ name, count }) => ({ country: name, count })),
    devices: stats.devices,
    browsers: stats.browsers,
  };
}
