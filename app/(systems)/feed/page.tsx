import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { SignInPrompt } from "@/components/auth/sign-in-prompt";
import { FeedHome } from "@/components/feed/feed-home";
import { PageContainer, PageHeader } from "@/components/ui/page";
import { getSessionUser } from "@/server/platform/auth";

export const metadata: Metadata = { title: "Feed" };

export default async function FeedPage() {
  const user = await getSessionUser(new Headers(await headers()));
  return (
    <PageContainer width="narrow">
      <PageHeader eyebrow="Home" title="Feed" description="Posts from the people you follow, newest first, and what is popular around them." />
      <nav aria-label="Feed pages" className="mb-4 flex flex-wrap gap-4 text-sm">
        <Link href="/feed/explore" className="text-accent-text hover:underline">
          Explore
        </Link>
        {user ? (
          <Link href="/feed/bookmarks" className="text-accent-text hover:underline">
            Bookmarks
          </Link>
        ) : null}
        {user?.role === "admin" ? (
          <Link href="/feed/admin/reports" className="text-accent-text hover:underline">
            Reported posts (moderation)
          </Link>
        ) : null}
      </nav>
      {user ? (
        <FeedHome viewerId={user.id} />
      ) : (
        <SignInPrompt title="Sign in to see your timeline" description="Follow people and their posts arrive here as they are written. Profiles and posts are public." next="/feed" />
      )}
    </PageContainer>
  );
}
