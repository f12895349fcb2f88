import type { Metadata } from "next";
import { requireUser } from "@/server/accounts/require-user";
import { HomeTimeline } from "@/components/feed/home-timeline";
import { PageContainer, PageHeader } from "@/components/ui/page";

export const metadata: Metadata = { title: "Feed" };

export default async function FeedPage() {
  const user = await requireUser("/feed");
  return (
    <PageContainer width="narrow">
      <PageHeader eyebrow="Feed" title="Following" description="Posts from the people you follow, newest first. New ones announce themselves." />
      <HomeTimeline viewerId={user.id} />
    </PageContainer>
  );
}
