import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { ThreadView } from "@/components/feed/thread-view";
import { PageContainer, PageHeader } from "@/components/ui/page";
import { PostId } from "@/server/feed/posts/post-id";
import { getSessionUser } from "@/server/platform/auth";

export const metadata: Metadata = { title: "Post · Feed" };

export default async function FeedPostPage({ params }: { params: Promise<{ postId: string }> }) {
  const { postId } = await params;
  if (!PostId.safeParse(postId).success) notFound();
  const viewer = await getSessionUser(new Headers(await headers()));
  return (
    <PageContainer width="narrow">
      <PageHeader eyebrow="Feed" title="Post" />
      <ThreadView postId={postId} viewerId={viewer?.id ?? null} />
    </PageContainer>
  );
}
