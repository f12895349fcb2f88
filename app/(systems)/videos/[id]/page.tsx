import type { Metadata } from "next";
import { headers } from "next/headers";
import { PageContainer } from "@/components/ui/page";
import { WatchVideo } from "@/components/videos/watch-video";
import { getSessionUser } from "@/server/platform/auth";

export const metadata: Metadata = { title: "Watch" };

export default async function WatchVideoPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getSessionUser(new Headers(await headers()));
  return (
    <PageContainer>
      <WatchVideo id={id} viewerId={user?.id ?? null} />
    </PageContainer>
  );
}
