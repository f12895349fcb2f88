"use client";

import { useChannelEvent, useRealtimeReconnect } from "@/components/realtime/realtime-provider";
import type { LinkClicksEvent } from "@/server/links/analytics/announce-click-counts";

/**
 * New click totals for the owner's links, pushed once per ingest batch on the
 * owner's private channel. `onMissed` runs after a dropped connection came
 * back, since batches announced meanwhile were lost: refetch there.
 */
export function useLinkClicks(channel: string | null, onCounts: (links: LinkClicksEvent["links"]) => void, onMissed: () => void): void {
  useChannelEvent<LinkClicksEvent>(channel, "link.clicks", (event) => {
    if (Array.isArray(event.links)) onCounts(event.links);
  });
  useRealtimeReconnect(onMissed);
}
