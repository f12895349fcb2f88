import { randomBytes } from "node:crypto";
import type { Link } from "@/server/generated/prisma/client";
import { BatchWhileBusy } from "@/server/platform/batch-while-busy";
import type { Db } from "@/server/platform/db";
import type { LinkTargeting } from "./link-targeting";

/** A new link with a generated code: everything but the counters and flags, which start at their defaults. */
export type GeneratedLinkRow = {
  code: string;
  ownerId: string | null;
  url: string;
  title: string | null;
  tags: string[];
  expiresAt: Date | null;
  passwordHash: string | null;
  targeting: LinkTargeting | null;
  createdAt: Date;
};

/** Enough for the bursts one process sees; a longer queue waits for the next statement. */
const MAX_ROWS_PER_STATEMENT = 200;

/**
 * Inserts links with generated codes, many concurrent creations per INSERT.
 * A create costs Postgres a parse, a plan and a commit (a WAL flush) however
 * small the row; under load (POST /api/shorten at hundreds per second) the
 * rows that arrive while one statement is in flight share the next one
 * (BatchWhileBusy), so those costs are paid per batch.
 *
 * Resolves null when the code is already taken (a custom alias that looks
 * like a generated code): the caller takes the next counter value. A batch
 * that fails for another reason (an owner deleted meanwhile) is retried row
 * by row, so each caller gets its own outcome.
 */
export type GeneratedLinkInserter = BatchWhileBusy<GeneratedLinkRow, Link | null>;

export function createGeneratedLinkInserter(db: Db): GeneratedLinkInserter {
  return new BatchWhileBusy({
    maxBatch: MAX_ROWS_PER_STATEMENT,
    run: async (rows) => {
      const byCode = new Map((await insertRows(db, rows)).map((link) => [link.code, link]));
      return rows.map((row) => byCode.get(row.code) ?? null);
    },
  });
}

async function insertRows(db: Db, rows: GeneratedLinkRow[]): Promise<Link[]> {
  const column = <T>(pick: (row: GeneratedLinkRow) => T) => rows.map(pick);
  // Tags travel as one JSON array per row: unnest would flatten a two-dimensional text[].
  return db.$queryRaw<Link[]>`
    INSERT INTO "link" ("id", "code", "ownerId", "url", "title", "tags", "expiresAt", "passwordHash", "targeting", "createdAt", "updatedAt")
    SELECT t."id", t."code", t."ownerId", t."url", t."title",
           ARRAY(SELECT jsonb_array_elements_text(t."tags")), t."expiresAt", t."passwordHash", t."targeting", t."createdAt", t."createdAt"
    FROM unnest(
      ${column(() => newLinkId())}::text[],
      ${column((row) => row.code)}::text[],
      ${column((row) => row.ownerId)}::text[],
      ${column((row) => row.url)}::text[],
      ${column((row) => row.title)}::text[],
      ${column((row) => JSON.stringify(row.tags))}::jsonb[],
      ${column((row) => row.expiresAt?.toISOString() ?? null)}::timestamp(3)[],
      ${column((row) => row.passwordHash)}::text[],
      ${column((row) => (row.targeting ? JSON.stringify(row.targeting) : null))}::jsonb[],
      ${column((row) => row.createdAt.toISOString())}::timestamp(3)[]
    ) AS t("id", "code", "ownerId", "url", "title", "tags", "expiresAt", "passwordHash", "targeting", "createdAt")
    ON CONFLICT ("code") DO NOTHING
    RETURNING *`;
}

/**
 * A collision-resistant id in the shape of the cuids Prisma gives other rows
 * ("c" + 24 lower-case base36 characters), time-prefixed so new rows land at
 * the right end of the primary key index.
 */
function newLinkId(): string {
  const time = Date.now().toString(36).padStart(9, "0");
  let random = "";
  // 15 characters, ~77 bits: a byte modulo 36 is slightly uneven, which costs a fraction of a bit each.
  for (const byte of randomBytes(15)) random += BASE36.charAt(byte % 36);
  return `c${time}${random}`;
}

const BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";

const holder = globalThis as typeof globalThis & { casebookLinkInserters?: WeakMap<Db, GeneratedLinkInserter> };

/** The process-wide inserter for `db` (one per database client, like the code allocator). */
export function generatedLinkInserterFor(db: Db): GeneratedLinkInserter {
  holder.casebookLinkInserters ??= new WeakMap();
  let inserter = holder.casebookLinkInserters.get(db);
  if (!inserter) {
    inserter = createGeneratedLinkInserter(db);
    holder.casebookLinkInserters.set(db, inserter);
  }
  return inserter;
}
