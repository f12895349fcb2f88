"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/client";
import { buttonClasses } from "@/components/ui/button";
import { VideoRow } from "./video-row";

/**
 * The signed-in part of the /videos home: "Continue watching" (with how far
 * I got), "Recommended for you" (from my history, else trending; hidden
 * while there is nothing at all) and "From your subscriptions".
 */
export function PersonalRows() {
  const trpc = useTRPC();
  const continuing = useQuery({ ...trpc.videos.history.continueWatching.queryOptions(), select: (rows) => rows.map((row) => ({ video: row.video, watched: row.fraction })) });
  const recommended = useQuery({ ...trpc.videos.recommended.queryOptions(), select: (videos) => videos.map((video) => ({ video })) });
  const subscriptions = useQuery({ ...trpc.videos.subscriptionVideos.queryOptions({ limit: 12 }), select: (page) => page.items.map((video) => ({ video })) });
  return (
    <>
      <VideoRow
        title="Continue watching"
        query={continuing}
        empty={null}
        action={
          <Link href="/videos/history" className={buttonClasses({ variant: "ghost", size: "sm" })}>
            History
          </Link>
        }
      />
      <VideoRow title="Recommended for you" query={recommended} empty={null} />
      <VideoRow
        title="From your subscriptions"
        query={subscriptions}
        empty="Subscribe to a channel from any of its videos and its new uploads appear here."
        action={
          <Link href="/videos/subscriptions" className={buttonClasses({ variant: "ghost", size: "sm" })}>
            All subscriptions
          </Link>
        }
      />
    </>
  );
}
