import type { Db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import { parseClickEntry, type ClickBatch } from "./click-events";
import { describeClick, type ClickFacts, type DailySalts } from "./describe-click";

export type StreamEntry = { id: string; fields: string[] };

/** A link whose count moved in this batch: its new total and how much this batch added. */
export type LinkCountChange = { linkId: string; code: string; ownerId: string | null; clickCount: number; added: number };

const log = logger.child({ module: "links-ingest" });

/**
 * Writes the stream entries' click batches into click, link_daily_visitor,
 * link_daily_stat and link.clickCount in ONE statement per few thousand
 * clicks, so each statement commits whole or not at all.
 *
 * Idempotency: a batch's id is inserted into click_ingested_batch, and only
 * the clicks of batches this statement inserted go in; every counter is then
 * derived only from the click rows actually inserted (the RETURNING of that
 * insert). A batch delivered twice — a worker that crashed after the commit but
 * before XACK, a reclaimed pending entry, a batch a web process wrote again —
 * adds nothing the second time. Unique visitors work the same way: a (link,
 * day, visitor) row is inserted at most once, and only new rows raise
 * uniqueVisitors. A batch is never split across statements.
 *
 * Deleted links: the statement locks the batch's links FOR KEY SHARE (one lock
 * per link, where foreign keys checked every row) and inserts only for links it
 * locked. A link deleted before that is skipped; a delete that comes after
 * waits for this commit, and its trigger then removes what was inserted.
 */
export async function ingestClickBatch({ db, salts, entries }: { db: Db; salts: DailySalts; entries: StreamEntry[] }): Promise<LinkCountChange[]> {
  const changes = new Map<string, LinkCountChange>();
  for (const statement of statementsOf(parseBatches(entries))) {
    const rows: ClickRow[] = [];
    for (const [position, batch] of statement.entries()) {
      for (const click of batch.clicks) rows.push({ batch: position + 1, linkId: click.linkId, facts: await describeClick(click, salts) });
    }
    const batchIds = statement.map((batch) => batch.batchId);
    for (const change of await ingestRows(db, batchIds, rows)) {
      const earlier = changes.get(change.linkId);
      changes.set(change.linkId, earlier ? { ...change, added: earlier.added + change.added } : change);
    }
  }
  return [...changes.values()];
}

/** The entries' batches, each once: a batch written twice can come back in the same read. */
function parseBatches(entries: StreamEntry[]): ClickBatch[] {
  const batches = new Map<string, ClickBatch>();
  for (const entry of entries) {
    const batch = parseClickEntry(entry.id, entry.fields);
    if (!batch) log.warn({ entryId: entry.id }, "skipping a stream entry without valid click events");
    else if (!batches.has(batch.batchId)) batches.set(batch.batchId, batch);
  }
  return [...batches.values()];
}

/** Whole batches, grouped so one statement stays a few thousand rows. */
function statementsOf(batches: ClickBatch[]): ClickBatch[][] {
  const statements: ClickBatch[][] = [];
  let current: ClickBatch[] = [];
  let size = 0;
  for (const batch of batches) {
    if (size > 0 && size + batch.clicks.length > MAX_EVENTS_PER_STATEMENT) {
      statements.push(current);
      current = [];
      size = 0;
    }
    current.push(batch);
    size += batch.clicks.length;
  }
  if (current.length > 0) statements.push(current);
  return statements;
}

/** `batch` is the 1-based position of the click's batch in the statement's batch ids. */
type ClickRow = { batch: number; linkId: string; facts: ClickFacts };
const MAX_EVENTS_PER_STATEMENT = 2_000;

async function ingestRows(db: Db, batchIds: string[], rows: ClickRow[]): Promise<LinkCountChange[]> {
  if (rows.length === 0) return [];

  const column = <T>(pick: (row: ClickRow) => T) => rows.map(pick);
  const changed = await db.$queryRaw<Array<{ id: string; code: string; ownerId: string | null; clickCount: number; added: number }>>`
    WITH batches AS (
      SELECT * FROM unnest(${batchIds}::text[]) WITH ORDINALITY AS b("id", "position")
    ),
    new_batches AS (
      INSERT INTO "click_ingested_batch" ("id")
      SELECT "id" FROM batches ORDER BY "id"
      ON CONFLICT DO NOTHING
      RETURNING "id"
    ),
    incoming AS (
      SELECT * FROM unnest(
        ${column((row) => row.batch)}::int[],
        ${column((row) => row.linkId)}::text[],
        ${column((row) => row.facts.occurredAt.toISOString())}::timestamp(3)[],
        ${column((row) => row.facts.visitorHash)}::text[],
        ${column((row) => row.facts.referrerDomain)}::text[],
        ${column((row) => row.facts.country)}::text[],
        ${column((row) => row.facts.browser)}::text[],
        ${column((row) => row.facts.os)}::text[],
        ${column((row) => row.facts.device)}::text[],
        ${column((row) => row.facts.isBot)}::boolean[]
      ) AS t("batch", "linkId", "occurredAt", "visitorHash", "referrerDomain", "country", "browser", "os", "device", "isBot")
    ),
    live_links AS (
      SELECT "id" FROM "link" WHERE "id" IN (SELECT "linkId" FROM incoming) ORDER BY "id" FOR KEY SHARE
    ),
    inserted AS (
      INSERT INTO "click" ("linkId", "occurredAt", "visitorHash", "referrerDomain", "country", "browser", "os", "device", "isBot")
      SELECT i."linkId", i."occurredAt", i."visitorHash", i."referrerDomain", i."country", i."browser", i."os", i."device", i."isBot"
      FROM incoming i
      JOIN batches b ON b."position" = i."batch"
      JOIN new_batches n ON n."id" = b."id"
      JOIN live_links l ON l."id" = i."linkId"
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

/**
 * Old link_daily_visitor rows only matter for late events of their day, and a
 * batch can only come back within minutes: keep two days of each.
 */
export async function pruneIngestBookkeeping(db: Db): Promise<void> {
  await db.$executeRaw`DELETE FROM "link_daily_visitor" WHERE "day" < (now() AT TIME ZONE 'UTC')::date - 2`;
  await db.$executeRaw`DELETE FROM "click_ingested_batch" WHERE "ingestedAt" < now() - interval '2 days'`;
}
