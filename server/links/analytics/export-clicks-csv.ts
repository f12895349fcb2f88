import type { Db } from "@/server/platform/db";
import { getOwnedLinkOrThrow } from "../manage/get-owned-link-or-throw";

const PAGE = 5_000;
const HEADER = "occurred_at,referrer_domain,country,browser,os,device,is_bot\n";

/**
 * The raw clicks of one link as CSV, streamed page by page (keyset on id), so
 * a link with millions of clicks never sits in memory. No IP or visitor hash
 * leaves the server. Ownership is checked before the first byte.
 */
export async function exportClicksCsv({ db, ownerId, code }: { db: Db; ownerId: string; code: string }): Promise<{ filename: string; stream: ReadableStream<Uint8Array> }> {
  const link = await getOwnedLinkOrThrow({ db, ownerId, code });
  const encoder = new TextEncoder();
  let afterId: bigint | null = null;
  let headerSent = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(HEADER));
        return;
      }
      const rows = await db.click.findMany({
        where: { linkId: link.id, ...(afterId === null ? {} : { id: { gt: afterId } }) },
        orderBy: { id: "asc" },
        take: PAGE,
        select: { id: true, occurredAt: true, referrerDomain: true, country: true, browser: true, os: true, device: true, isBot: true },
      });
      if (rows.length === 0) {
        controller.close();
        return;
      }
      afterId = rows[rows.length - 1]?.id ?? afterId;
      const lines = rows.map((row) =>
        [row.occurredAt.toISOString(), row.referrerDomain, row.country, row.browser, row.os, row.device, row.isBot ? "true" : "false"].map(csvField).join(","),
      );
      controller.enqueue(encoder.encode(`${lines.join("\n")}\n`));
    },
  });
  return { filename: `clicks-${link.code}.csv`, stream };
}

/** Quotes when needed, and defuses spreadsheet formulas (a referrer can be any text a client sent). */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
