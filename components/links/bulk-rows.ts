import Papa from "papaparse";

/** Links one bulk import may hold (the server takes them 100 a call). */
export const BULK_MAX_ROWS = 1_000;
/** Largest CSV file accepted from the computer. */
export const BULK_MAX_FILE_BYTES = 1024 * 1024;

export type BulkRow = { url: string; customAlias?: string; title?: string; tags?: string; expiresAt?: string };

const COLUMNS = ["url", "customAlias", "title", "tags", "expiresAt"] as const;
/** Header names people write, mapped to ours (case and spaces ignored). */
const HEADER_NAMES: Record<string, (typeof COLUMNS)[number]> = {
  url: "url",
  destination: "url",
  alias: "customAlias",
  customalias: "customAlias",
  title: "title",
  tags: "tags",
  expires: "expiresAt",
  expiresat: "expiresAt",
  expiry: "expiresAt",
};

/**
 * Rows from pasted text or a CSV file: with a header row naming the columns
 * (url, alias, title, tags separated by ";", expiresAt), or one URL per line.
 * Blank lines are skipped. Answers the rows, or the problem with the text.
 */
export function parseBulkRows(text: string): { rows: BulkRow[]; problem: string | null } {
  const parsed = Papa.parse<string[]>(text.trim(), { skipEmptyLines: "greedy" });
  const lines = parsed.data.filter((cells) => cells.some((cell) => cell.trim()));
  if (lines.length === 0) return { rows: [], problem: "Paste some URLs or choose a CSV file first." };
  const header = (lines[0] ?? []).map((cell) => HEADER_NAMES[cell.trim().toLowerCase().replace(/[\s_-]/g, "")]);
  const hasHeader = header.includes("url");
  const body = hasHeader ? lines.slice(1) : lines;
  if (body.length > BULK_MAX_ROWS) return { rows: [], problem: `A bulk import holds at most ${BULK_MAX_ROWS.toLocaleString("en")} links; this one has ${body.length.toLocaleString("en")}.` };
  const columns = hasHeader ? header : COLUMNS;
  const rows = body.map((cells) => {
    const row: BulkRow = { url: "" };
    cells.forEach((cell, index) => {
      const column = columns[index];
      if (column && cell.trim()) row[column] = cell.trim();
    });
    return row;
  });
  return { rows, problem: null };
}

/** The import's outcome as CSV, one line per row in the order given. */
export function resultsCsv(rows: ReadonlyArray<{ row: BulkRow; shortUrl: string | null; error: string | null }>): string {
  return Papa.unparse({
    fields: ["url", "alias", "short_url", "status", "error"],
    data: rows.map(({ row, shortUrl, error }) => [row.url, row.customAlias ?? "", shortUrl ?? "", error ? "failed" : "created", error ?? ""]),
  });
}
