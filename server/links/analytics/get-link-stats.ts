import { z } from "zod";
import { Prisma } from "@/server/generated/prisma/client";
import type { Db } from "@/server/platform/db";
import { getOwnedLinkOrThrow } from "../manage/get-owned-link-or-throw";

export const StatsRange = z.enum(["24h", "7d", "30d", "all"]);
export type StatsRange = z.infer<typeof StatsRange>;

export const LinkStatsInput = z.object({ code: z.string().min(1).max(50), range: StatsRange.default("7d") });

export type CountItem = { name: string; count: number };
export type TimelinePoint = {
  /** Bucket start, ISO-8601 UTC ("2026-11-25T14:00:00.000Z" for hours, "2026-11-25" for days). */
  start: string;
  clicks: number;
  uniqueVisitors: number;
};

/**
 * Link analytics over a range. Bots are excluded from every figure except
 * `botClicks`. `uniqueVisitors` counts distinct visitors per UTC day, summed
 * over the range (the same person on two days counts twice): the visitor hash
 * is salted per day, so visitors cannot be followed across days by design.
 */
export type LinkStats = {
  code: string;
  url: string;
  range: StatsRange;
  /** Inclusive start of the range (null for "all"), and its end (now). */
  from: Date | null;
  to: Date;
  bucket: "hour" | "day";
  totalClicks: number;
  uniqueVisitors: number;
  /** Bot hits recorded in the range and left out of the figures above. */
  botClicks: number;
  timeline: TimelinePoint[];
  referrers: CountItem[];
  countries: CountItem[];
  browsers: CountItem[];
  os: CountItem[];
  devices: CountItem[];
};

const TOP = 10;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export async function getLinkStats({
  db,
  ownerId,
  code,
  range,
  now = new Date(),
}: {
  db: Db;
  ownerId: string;
  code: string;
  range: StatsRange;
  now?: Date;
}): Promise<LinkStats> {
  const link = await getOwnedLinkOrThrow({ db, ownerId, code });
  const from = rangeStart(range, now);
  const common = { code: link.code, url: link.url, range, to: now };

  const [dimensions, timelineAndTotals] = await Promise.all([
    countDimensions(db, link.id, from),
    range === "24h" ? hourlyTimeline(db, link.id, from ?? now, now) : dailyTimeline(db, link.id, from, now, link.createdAt),
  ]);
  return {
    ...common,
    from: range === "all" ? null : from,
    bucket: range === "24h" ? "hour" : "day",
    ...timelineAndTotals,
    ...dimensions,
  };
}

/** 24h: the last 24 whole-or-current hours; 7d/30d: whole UTC days including today; all: since creation. */
function rangeStart(range: StatsRange, now: Date): Date | null {
  if (range === "24h") return new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - 23 * HOUR_MS);
  if (range === "all") return null;
  const days = range === "7d" ? 7 : 30;
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  return new Date(today - (days - 1) * DAY_MS);
}

async function hourlyTimeline(db: Db, linkId: string, from: Date, now: Date) {
  const [hours, days] = await Promise.all([
    db.$queryRaw<Array<{ hour: Date; clicks: number; visitors: number }>>`
      SELECT date_trunc('hour', "occurredAt") AS hour, count(*)::int AS clicks, count(DISTINCT "visitorHash")::int AS visitors
      FROM "click" WHERE "linkId" = ${linkId} AND "occurredAt" >= ${from.toISOString()}::timestamp AND NOT "isBot"
      GROUP BY 1 ORDER BY 1`,
    // Unique visitors per day within the window, summed (see LinkStats).
    db.$queryRaw<Array<{ clicks: number; visitors: number; bots: number }>>`
      SELECT coalesce(sum(c.clicks), 0)::int AS clicks, coalesce(sum(c.visitors), 0)::int AS visitors, coalesce(sum(c.bots), 0)::int AS bots FROM (
        SELECT "occurredAt"::date AS day,
               count(*) FILTER (WHERE NOT "isBot") AS clicks,
               count(DISTINCT "visitorHash") FILTER (WHERE NOT "isBot") AS visitors,
               count(*) FILTER (WHERE "isBot") AS bots
        FROM "click" WHERE "linkId" = ${linkId} AND "occurredAt" >= ${from.toISOString()}::timestamp GROUP BY 1
      ) c`,
  ]);
  const byHour = new Map(hours.map((row) => [row.hour.getTime(), row]));
  const timeline: TimelinePoint[] = [];
  for (let start = from.getTime(); start <= now.getTime(); start += HOUR_MS) {
    const row = byHour.get(start);
    timeline.push({ start: new Date(start).toISOString(), clicks: row?.clicks ?? 0, uniqueVisitors: row?.visitors ?? 0 });
  }
  const totals = days[0] ?? { clicks: 0, visitors: 0, bots: 0 };
  return { totalClicks: totals.clicks, uniqueVisitors: totals.visitors, botClicks: totals.bots, timeline };
}

async function dailyTimeline(db: Db, linkId: string, from: Date | null, now: Date, createdAt: Date) {
  const rows = await db.linkDailyStat.findMany({
    where: { linkId, ...(from ? { day: { gte: from } } : {}) },
    orderBy: { day: "asc" },
  });
  const byDay = new Map(rows.map((row) => [row.day.getTime(), row]));
  const firstDay = from?.getTime() ?? Math.floor(Math.min(createdAt.getTime(), rows[0]?.day.getTime() ?? Infinity) / DAY_MS) * DAY_MS;
  const timeline: TimelinePoint[] = [];
  for (let day = firstDay; day <= now.getTime(); day += DAY_MS) {
    const row = byDay.get(day);
    timeline.push({ start: new Date(day).toISOString().slice(0, 10), clicks: row?.clicks ?? 0, uniqueVisitors: row?.uniqueVisitors ?? 0 });
  }
  const sum = (pick: (row: (typeof rows)[number]) => number) => rows.reduce((total, row) => total + pick(row), 0);
  return { totalClicks: sum((row) => row.clicks), uniqueVisitors: sum((row) => row.uniqueVisitors), botClicks: sum((row) => row.bots), timeline };
}

type Dimension = "referrerDomain" | "country" | "browser" | "os" | "device";

async function countDimensions(db: Db, linkId: string, from: Date | null) {
  const top = (column: Dimension) =>
    db.$queryRaw<Array<{ name: string; count: number }>>`
      SELECT ${Prisma.raw(`"${column}"`)} AS name, count(*)::int AS count
      FROM "click"
      WHERE "linkId" = ${linkId} AND NOT "isBot" ${from ? Prisma.sql`AND "occurredAt" >= ${from.toISOString()}::timestamp` : Prisma.empty}
      GROUP BY 1 ORDER BY 2 DESC, 1 ASC LIMIT ${TOP}`;
  const [referrers, countries, browsers, os, devices] = await Promise.all([top("referrerDomain"), top("country"), top("browser"), top("os"), top("device")]);
  return { referrers, countries, browsers, os, devices };
}
