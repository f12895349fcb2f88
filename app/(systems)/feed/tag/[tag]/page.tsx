import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { TaggedPosts } from "@/components/feed/tagged-posts";
import { PageContainer, PageHeader } from "@/components/ui/page";
import { TaggedPostsInput } from "@/server/feed/posts/list-tagged-posts";
import { getSessionUser } from "@/server/platform/auth";

type Params = { params: Promise<{ tag: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `#${decodeURIComponent((await params).tag)} · Feed` };
}

export default async function FeedTagPage({ params }: Params) {
  const tag = decodeURIComponent((await params).tag).toLowerCase();
  if (!TaggedPostsInput.shape.tag.safeParse(tag).success) notFound();
  const viewer = await getSessionUser(new Headers(await headers()));
  return (
    <PageContainer width="narrow">
      <PageHeader eyebrow="Feed" title={`#${tag}`} />
      <TaggedPosts tag={tag} viewerId={viewer?.id ?? null} />
    </PageContainer>
  );
}
