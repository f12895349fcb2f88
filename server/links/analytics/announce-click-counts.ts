import { enqueue } from "@/server/platform/queue";
import { logger } from "@/server/platform/logger";
import { publishToUser } from "@/server/platform/realtime";
import type { LinkCountChange } from "./ingest-clicks";

/** Owners hear about these totals once each (notification kind "link.milestone"). */
export const CLICK_MILESTONES = [100, 1_000, 10_000] as const;
/** Realtime event on the owner's private channel after each ingest batch. */
export const LINK_CLICKS_EVENT = "link.clicks";
export type LinkClicksEvent = { links: Array<{ code: string; clickCount: number }> };

const log = logger.child({ module: "links-announce" });
/** Events stay well under the gateway's 10 KB limit (an entry is 30–80 bytes, aliases being longer than codes). */
const MAX_EVENT_BYTES = 8 * 1024;

/**
 * After a batch commits: one realtime event per owner with the new totals (the
 * live counter moves per batch, not per redirect) and a queued notification
 * for each milestone a link crossed. A milestone is crossed by exactly one
 * batch, because `added` only counts newly inserted clicks; the job id keeps a
 * re-run of this function from queueing it twice.
 */
export async function announceClickCounts(changes: LinkCountChange[]): Promise<void> {
  const byOwner = new Map<string, LinkClicksEvent["links"]>();
  const jobs: Array<Promise<void>> = [];
  for (const change of changes) {
    if (!change.ownerId) continue;
    const list = byOwner.get(change.ownerId) ?? [];
    list.push({ code: change.code, clickCount: change.clickCount });
    byOwner.set(change.ownerId, list);
    const before = change.clickCount - change.added;
    for (const milestone of CLICK_MILESTONES) {
      if (before < milestone && change.clickCount >= milestone) {
        jobs.push(
          enqueue(
            "send-notification",
            { userId: change.ownerId, kind: "link.milestone", payload: { linkId: change.linkId, code: change.code, clicks: milestone } },
            { jobId: `link-milestone-${change.linkId}-${milestone}` },
          ),
        );
      }
    }
  }
  for (const [ownerId, links] of byOwner) {
    for (const part of splitBySize(links)) jobs.push(publishToUser(ownerId, LINK_CLICKS_EVENT, { links: part } satisfies LinkClicksEvent));
  }
  const results = await Promise.allSettled(jobs);
  for (const result of results) {
    if (result.status === "rejected") log.warn({ err: String(result.reason) }, "could not announce click counts");
  }
}

function splitBySize(links: LinkClicksEvent["links"]): Array<LinkClicksEvent["links"]> {
  const parts: Array<LinkClicksEvent["links"]> = [];
  let current: LinkClicksEvent["links"] = [];
  let bytes = 0;
  for (const link of links) {
    const size = JSON.stringify(link).length + 1;
    if (current.length > 0 && bytes + size > MAX_EVENT_BYTES) {
      parts.push(current);
      current = [];
      bytes = 0;
    }
    current.push(link);
    bytes += size;
  }
  if (current.length > 0) parts.push(current);
  return parts;
}
