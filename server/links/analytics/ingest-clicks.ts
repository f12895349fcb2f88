import type { Db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import { parseClickEntry } from "./click-events";
import { describeClick, type ClickFacts, type DailySalts } from "./describe-click";

export type StreamEntry = { id: string; fields: string[] };

/** A link whose count moved in this batch: its new total and how much this batch added. */
export type LinkCountChange = { linkId: string; code: string; ownerId: string | null; clickCount: number; added: number };

const log = logger.child({ module: "links-ingest" });

/**
 * Writes a batch of click events into click, link_daily_visitor,
 * link_daily_stat and link.clickCount in ONE statement, so it commits whole
 * or not at all.
 *
 * Idempotency: each event's id (stream entry id + its position in the entry)
 * is click.eventId (unique) and the
 * insert skips ids already present. Every counter is then derived only from
 * the rows this statement actually inserted (the RETURNING of that insert), so
 * a batch delivered twice — a worker that crashed after the commit but before
 * XACK, a reclaimed pending entry — adds nothing the second time.
 * Unique visitors work the same way: a (link, day, visitor) row is inserted
 * at most once, and only new rows raise uniqueVisitors.
 *
 * Events for links deleted in the meantime are dropped by the join on link.
 */
export async function ingestClickBatch({ db, salts, entries }: { db: Db; salts: DailySalts; entries: StreamEntry[] }): Promise<LinkCountChange[]> {
  const events = entries.flatMap((entry) => {
    const parsed = parseClickEntry(entry.id, entry.fields);
    if (parsed.length === 0) log.warn({ entryId: entry.id }, "skipping a stream entry without valid click events");
    return parsed;
  });
  const changes = new Map<string, LinkCountChange>();
  for (let start = 0; start < events.length; start += MAX_EVENTS_PER_STATEMENT) {
    const rows: ClickRow[] = [];
    for (const { eventId, event } of events.slice(start, start + MAX_EVENTS_PER_STATEMENT)) {
      rows.push({ eventId, linkId: event.linkId, facts: await describeClick(event, salts) });
    }
    for (const change of await ingestRows(db, rows)) {
      const earlier = changes.get(change.linkId);
      changes.set(change.linkId, earlier ? { ...change, added: earlier.added + change.added } : change);
    }
  }
  return [...changes.values()];
}

type ClickRow = { eventId: string; linkId: string; facts: ClickFacts };
/** Big batches are split so one statement stays a few thousand rows. */
const MAX_EVENTS_PER_STATEMENT = 2_000;

async function ingestRows(db: Db, rows: ClickRow[]): Promise<LinkCountChange[]> {
  if (rows.length === 0) return [];

  const column = <T>(pick: (row: ClickRow) => T) => rows.map(pick);
  const changed = await db.$queryRaw<Array<{ id: string; code: string; ownerId: string | null; clickCount: number; added: number }>>`
    WITH incoming AS (
      SELECT * FROM unnest(
        ${column((row) => row.eventId)}::text[],
        ${column((row) => row.linkId)}::text[],
        ${column((row) => row.facts.occurredAt.toISOString())}::timestamp(3)[],
        ${column((row) => row.facts.visitorHash)}::text[],
        ${column((row) => row.facts.referrerDomain)}::text[],
        ${column((row) => row.facts.country)}::text[],
        ${column((row) => row.facts.browser)}::text[],
        ${column((row) => row.facts.os)}::text[],
        ${column((row) => row.facts.device)}::text[],
        ${column((row) => row.facts.isBot)}::boolean[]
      ) AS t("eventId", "linkId", "occurredAt", "visitorHash", "referrerDomain", "country", "browser", "os", "device", "isBot")
    ),
    inserted AS (
      INSERT INTO "click" ("eventId", "linkId", "occurredAt", "visitorHash", "referrerDomain", "country", "browser", "os", "device", "isBot")
      SELECT i.* FROM incoming i JOIN "link" l ON l."id" = i."linkId"
      ORDER BY i."eventId"
      ON CONFLICT ("eventId") DO NOTHING
      RETURNING "linkId", "occurredAt", "visitorHash", "isBot"
    ),
    new_visitors AS (
      INSERT INTO "link_daily_visitor" ("linkId", "day", "visitorHash")
      SELECT DISTINCT "linkId", "occurredAt"::date, "visitorHash" FROM inserted WHERE NOT "isBot"
      ON CONFLICT DO NOTHING
      RETURNING "linkId", "day"
    ),
    day_counts AS (
      SELECT "linkId", "occurredAt"::date AS day,
             count(*) FILTER (WHERE NOT "isBot")::int AS clicks,
             count(*) FILTER (WHERE "isBot")::int AS bots
      FROM inserted GROUP BY 1, 2
    ),
    visitor_counts AS (
      SELECT "linkId", day, count(*)::int AS visitors FROM new_visitors GROUP BY 1, 2
    ),
    rollup AS (
      INSERT INTO "link_daily_stat" ("linkId", "day", "clicks", "uniqueVisitors", "bots")
      SELECT d."linkId", d.day, d.clicks, coalesce(v.visitors, 0), d.bots
      FROM day_counts d LEFT JOIN visitor_counts v ON v."linkId" = d."linkId" AND v.day = d.day
      ORDER BY 1, 2
      ON CONFLICT ("linkId", "day") DO UPDATE SET
        "clicks" = "link_daily_stat"."clicks" + excluded."clicks",
        "uniqueVisitors" = "link_daily_stat"."uniqueVisitors" + excluded."uniqueVisitors",
        "bots" = "link_daily_stat"."bots" + excluded."bots"
    ),
    link_totals AS (
      SELECT "linkId", sum(clicks)::int AS added FROM day_counts GROUP BY 1 HAVING sum(clicks) > 0
    )
    UPDATE "link" SET "clickCount" = "link"."clickCount" + t.added
    FROM link_totals t WHERE "link"."id" = t."linkId"
    RETURNING "link"."id", "link"."code", "link"."ownerId", "link"."clickCount", t.added`;

  return changed.map((row) => ({ linkId: row.id, code: row.code, ownerId: row.ownerId, clickCount: row.clickCount, added: row.added }));
}

/** Old link_daily_visitor rows only matter for late events of their day; keep two days. */
export async function pruneDailyVisitors(db: Db): Promise<number> {
  return db.$executeRaw`DELETE FROM "link_daily_visitor" WHERE "day" < (now() AT TIME ZONE 'UTC')::date - 2`;
}
