import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { HomeTimeline } from "@/components/feed/home-timeline";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageContainer, PageHeader } from "@/components/ui/page";
import { getSessionUser } from "@/server/platform/auth";

export const metadata: Metadata = { title: "Feed" };

export default async function FeedPage() {
  const user = await getSessionUser(new Headers(await headers()));
  return (
    <PageContainer width="narrow">
      <PageHeader eyebrow="Following" title="Feed" description="Posts from the people you follow, newest first. New ones announce themselves." />
      {user ? (
        <HomeTimeline viewerId={user.id} />
      ) : (
        <EmptyState
          title="Sign in to see your timeline"
          description="Follow people and their posts arrive here as they are written. Profiles and posts are public."
          action={
            <Link href="/sign-in?next=/feed" className={buttonClasses()}>
              Sign in
            </Link>
          }
        />
      )}
    </PageContainer>
  );
}
