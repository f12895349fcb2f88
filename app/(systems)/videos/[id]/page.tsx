import type { Metadata } from "next";
import { PageContainer } from "@/components/ui/page";
import { WatchVideo } from "@/components/videos/watch-video";

export const metadata: Metadata = { title: "Watch" };

export default async function WatchVideoPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <PageContainer>
      <WatchVideo id={id} />
    </PageContainer>
  );
}
