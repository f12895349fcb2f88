import type { Db } from "@/server/platform/db";
import { getLinkStats } from "./get-link-stats";

/**
 * GET /api/stats/{code} (public REST API; exact shape from the Links issue).
 * All time, bots excluded. `uniqueVisitors` is unique per UTC day, summed over
 * the days. `clicksByDate` has every UTC day since the link was created.
 */
export type PublicLinkStats = {
  shortCode: string;
  originalUrl: string;
  totalClicks: number;
  uniqueVisitors: number;
  clicksByDate: Record<string, number>;
  topReferrers: Array<{ referrer: string; count: number }>;
  topCountries: Array<{ country: string; count: number }>;
  devices: Array<{ name: string; count: number }>;
  browsers: Array<{ name: string; count: number }>;
};

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
