import type { Metadata } from "next";
import { headers } from "next/headers";
import { PageContainer } from "@/components/ui/page";
import { ChannelView } from "@/components/videos/channel-view";
import { getSessionUser } from "@/server/platform/auth";

export const metadata: Metadata = { title: "Channel" };

export default async function ChannelPage({ params }: { params: Promise<{ username: string }> }) {
  const { username } = await params;
  const user = await getSessionUser(new Headers(await headers()));
  return (
    <PageContainer>
      <ChannelView username={username} viewerId={user?.id ?? null} />
    </PageContainer>
  );
}
