import type { Metadata } from "next";
import { PageContainer, PageHeader } from "@/components/ui/page";
import { WatchHistory } from "@/components/videos/watch-history";
import { requireUser } from "@/server/accounts/require-user";

export const metadata: Metadata = { title: "Watch history" };

export default async function WatchHistoryPage() {
  await requireUser("/videos/history");
  return (
    <PageContainer>
      <PageHeader eyebrow="Video" title="Watch history" description="What you watched, most recent first, and where you stopped." />
      <WatchHistory />
    </PageContainer>
  );
}
