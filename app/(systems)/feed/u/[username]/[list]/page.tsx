import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FollowList, type FollowDirection } from "@/components/feed/follow-list";
import { PageContainer, PageHeader } from "@/components/ui/page";

type Params = { params: Promise<{ username: string; list: string }> };

const TITLES: Record<FollowDirection, string> = { followers: "Followers", following: "Following" };

const directionOf = (list: string): FollowDirection | null => (list === "followers" || list === "following" ? list : null);

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { username, list } = await params;
  const direction = directionOf(list);
  return { title: direction ? `${TITLES[direction]} of @${decodeURIComponent(username)} · Feed` : "Feed" };
}

/** /feed/u/[username]/followers and /feed/u/[username]/following; any other word is not found. */
export default async function FeedFollowsPage({ params }: Params) {
  const { username, list } = await params;
  const direction = directionOf(list);
  if (!direction) notFound();
  return (
    <PageContainer width="narrow">
      <PageHeader eyebrow={`@${decodeURIComponent(username)}`} title={TITLES[direction]} />
      <FollowList username={decodeURIComponent(username)} direction={direction} />
    </PageContainer>
  );
}
