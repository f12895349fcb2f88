import type { Metadata } from "next";
import { headers } from "next/headers";
import { PageContainer } from "@/components/ui/page";
import { WatchVideo } from "@/components/videos/watch-video";
import { getSessionUser } from "@/server/platform/auth";

export const metadata: Metadata = { title: "Watch" };

export default async function WatchVideoPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ autoplay?: string }> }) {
  const { id } = await params;
  // Set by the up-next countdown: this video follows the one that just ended.
  const { autoplay } = await searchParams;
  const user = await getSessionUser(new Headers(await headers()));
  return (
    <PageContainer>
      <WatchVideo id={id} viewerId={user?.id ?? null} autoplay={autoplay === "1"} />
    </PageContainer>
  );
}
