import type { Metadata } from "next";
import { headers } from "next/headers";
import { getQueryClient, HydrateClient, trpc } from "@/components/trpc/server";
import { PageContainer } from "@/components/ui/page";
import { WatchVideo } from "@/components/videos/watch-video";
import { getSessionUser } from "@/server/platform/auth";
import { firstFrameFiles } from "@/server/videos/first-frame-files";

export const metadata: Metadata = { title: "Watch" };

/**
 * The watch page lives outside (systems), whose loading.tsx would put it behind
 * a Suspense fallback: the server would stream it in after the shell, and
 * React reveals a streamed-in boundary no sooner than 300 ms after the first
 * paint, so the <video> hls.js starts on (instrumentation-client.ts) came that
 * much later. Here it is in the shell, visible as soon as it is parsed.
 */
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
  // What the player fetches first (first-frame-files.ts); same-origin credentials, as hls.js sends. <link> elements
  // rather than react-dom's preload(): called from a page that streamed in after a skeleton, preload() reached the
  // browser only in the RSC payload, read after the scripts have loaded; a <link> is in the HTML wherever it renders.
  const video = queryClient.getQueryData(trpc.videos.get.queryKey({ id }));
  const resumeAt = queryClient.getQueryData(trpc.videos.viewerState.queryKey({ id }))?.positionSeconds ?? 0;
  const firstFiles = video ? firstFrameFiles(video, resumeAt > 0) : [];
  return (
    <PageContainer>
      {firstFiles.map((url) => (
        <link key={url} rel="preload" href={url} as="fetch" crossOrigin="anonymous" />
      ))}
      <HydrateClient>
        <WatchVideo id={id} viewerId={user?.id ?? null} autoplay={autoplay === "1"} />
      </HydrateClient>
    </PageContainer>
  );
}
