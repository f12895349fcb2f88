import type { Metadata } from "next";
import { headers } from "next/headers";
import { ProfileView } from "@/components/feed/profile-view";
import { PageContainer } from "@/components/ui/page";
import { getSessionUser } from "@/server/platform/auth";

type Params = { params: Promise<{ username: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `@${decodeURIComponent((await params).username)} · Feed` };
}

export default async function FeedProfilePage({ params }: Params) {
  const { username } = await params;
  const viewer = await getSessionUser(new Headers(await headers()));
  return (
    <PageContainer width="narrow">
      <ProfileView username={decodeURIComponent(username)} viewerId={viewer?.id ?? null} />
    </PageContainer>
  );
}
