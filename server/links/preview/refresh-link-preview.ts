import type { Db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import { fetchPagePreview, type PagePreview } from "@/server/platform/page-preview";
import { enqueue } from "@/server/platform/queue";

const log = logger.child({ module: "links-preview" });

/**
 * Asks the worker to read the destination's card (job "links-preview"). A link
 * is saved whether or not the queue answers: without a card it still works.
 */
export async function queueLinkPreview(linkId: string): Promise<void> {
  await enqueue("links-preview", { linkId }).catch((error: unknown) =>
    log.warn({ linkId, err: error instanceof Error ? error.message : String(error) }, "could not queue a link preview"),
  );
}

/**
 * The worker's job: fetches the link's destination and stores its card, unless
 * the owner wrote their own meanwhile or the destination changed since (its
 * own job follows). A page that cannot be read leaves an empty card; the job
 * is not retried for it, since the page is no likelier to answer in a second.
 */
export async function refreshLinkPreview({
  db,
  linkId,
  fetchPreview = fetchPagePreview,
}: {
  db: Db;
  linkId: string;
  fetchPreview?: (url: string) => Promise<PagePreview | null>;
}): Promise<void> {
  const link = await db.link.findUnique({ where: { id: linkId }, select: { url: true, previewCustom: true } });
  if (!link || link.previewCustom) return;
  const preview = await fetchPreview(link.url);
  await db.link.updateMany({
    where: { id: linkId, url: link.url, previewCustom: false },
    data: { previewTitle: preview?.title ?? null, previewDescription: preview?.description ?? null, previewImage: preview?.image ?? null },
  });
}
