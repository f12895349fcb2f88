import { z } from "zod";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import type { LinkCache } from "../redirect/link-cache";
import { BULK_ROWS_PER_CALL } from "./bulk-limits";
import { createLink, CreateLinkInput } from "./create-link";
import type { LinkView } from "./link-view";


/** A row as a CSV file has it: text cells, checked one row at a time below so one bad cell fails its row only. */
const BulkRow = z.object({
  url: z.string().max(8_192),
  customAlias: z.string().max(100).optional(),
  title: z.string().max(1_000).optional(),
  /** Tags separated by ";" (commas separate the CSV's cells). */
  tags: z.string().max(1_000).optional(),
  /** An ISO 8601 date or date-time; empty for none. */
  expiresAt: z.string().max(40).optional(),
});

export const BulkCreateLinksInput = z.object({
  rows: z.array(BulkRow).min(1, "Add at least one link.").max(BULK_ROWS_PER_CALL, `At most ${BULK_ROWS_PER_CALL} links per request.`),
});

export type BulkRowResult = { ok: true; link: LinkView } | { ok: false; message: string; field: string | null };

/**
 * Creates each row as `createLink` would, one after the other, and answers
 * every row's outcome in order: a bad URL or a taken alias fails its own row
 * only, never the others (nothing is rolled back, like pasting them one by one).
 */
export async function bulkCreateLinks({
  db,
  cache,
  ownerId,
  input,
  origin,
}: {
  db: Db;
  cache: LinkCache;
  ownerId: string;
  input: z.input<typeof BulkCreateLinksInput>;
  origin?: string;
}): Promise<BulkRowResult[]> {
  const { rows } = BulkCreateLinksInput.parse(input);
  const results: BulkRowResult[] = [];
  for (const row of rows) {
    const input = toCreateInput(row);
    if (input.expiresAt && Number.isNaN(input.expiresAt.getTime())) {
      results.push({ ok: false, message: "The expiry date is not a valid date.", field: "expiresAt" });
      continue;
    }
    const parsed = CreateLinkInput.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      results.push({ ok: false, message: issue?.message ?? "This row is not valid.", field: typeof issue?.path[0] === "string" ? issue.path[0] : null });
      continue;
    }
    try {
      results.push({ ok: true, link: await createLink({ db, cache, ownerId, input: parsed.data, origin }) });
    } catch (error) {
      if (!(error instanceof AppError) || error.code === "INTERNAL" || error.code === "UNAVAILABLE") throw error;
      const field = typeof error.details?.field === "string" ? error.details.field : null;
      results.push({ ok: false, message: error.message, field });
    }
  }
  return results;
}

function toCreateInput(row: z.infer<typeof BulkRow>) {
  const tags = row.tags?.split(";").map((tag) => tag.trim()).filter(Boolean);
  const expiry = row.expiresAt?.trim();
  return {
    url: row.url.trim(),
    customAlias: row.customAlias?.trim() || undefined,
    title: row.title?.trim() || undefined,
    tags: tags?.length ? tags : undefined,
    expiresAt: expiry ? new Date(expiry) : undefined,
  };
}
