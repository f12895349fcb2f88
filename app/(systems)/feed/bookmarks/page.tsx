import type { Metadata } from "next";
import { headers } from "next/headers";
import { SignInPrompt } from "@/components/auth/sign-in-prompt";
import { BookmarksList } from "@/components/feed/bookmarks-list";
import { PageContainer, PageHeader } from "@/components/ui/page";
import { getSessionUser } from "@/server/platform/auth";

export const metadata: Metadata = { title: "Bookmarks · Feed" };

export default async function FeedBookmarksPage() {
  const user = await getSessionUser(new Headers(await headers()));
  return (
    <PageContainer width="narrow">
      <PageHeader eyebrow="Feed" title="Bookmarks" description="Posts you saved, the latest first. Only you see them." />
      {user ? <BookmarksList viewerId={user.id} /> : <SignInPrompt title="Sign in to see your bookmarks" description="Save posts with their bookmark button and find them here." next="/feed/bookmarks" />}
    </PageContainer>
  );
}
