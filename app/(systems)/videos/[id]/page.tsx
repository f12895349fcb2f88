import type { Metadata } from "next";
import { headers } from "next/headers";
import { preload } from "react-dom";
import { getQueryClient, HydrateClient, trpc } from "@/components/trpc/server";
import { PageContainer } from "@/components/ui/page";
import { WatchVideo } from "@/components/videos/watch-video";
import { getSessionUser } from "@/server/platform/auth";
import { firstFrameFiles } from "@/server/videos/first-frame-files";

export const metadata: Metadata = { title: "Watch" };

export default async function WatchVideoPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ autoplay?: string }> }) {
  const { id } = await params;
  // Set by the up-next countdown: this video follows the one that just ended.
  const { autoplay } = await searchParams;
  // The video and the viewer's resume position come with the HTML: the player attaches its source
  // right after hydration instead of after two more round trips (time to first frame, bench:video).
  // Up next and the comments are not on that path and load from the browser.
  const queryClient = getQueryClient();
  const [user] = await Promise.all([
    getSessionUser(new Headers(await headers())),
    queryClient.prefetchQuery(trpc.videos.get.queryOptions({ id })),
    queryClient.prefetchQuery(trpc.videos.viewerState.queryOptions({ id })),
  ]);
  // What the player fetches first, asked for with the HTML (first-frame-files.ts); same-origin credentials, as hls.js sends.
  const video = queryClient.getQueryData(trpc.videos.get.queryKey({ id }));
  const resumeAt = queryClient.getQueryData(trpc.videos.viewerState.queryKey({ id }))?.positionSeconds ?? 0;
  for (const url of video ? firstFrameFiles(video, resumeAt > 0) : []) preload(url, { as: "fetch", crossOrigin: "anonymous" });
  return (
    <PageContainer>
      <HydrateClient>
        <WatchVideo id={id} viewerId={user?.id ?? null} autoplay={autoplay === "1"} />
      </HydrateClient>
    </PageContainer>
  );
}
