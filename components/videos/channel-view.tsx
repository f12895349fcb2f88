"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/client";
import { Alert } from "@/components/ui/alert";
import { Avatar } from "@/components/ui/avatar";
import { LoadError } from "@/components/ui/load-error";
import { Skeleton } from "@/components/ui/skeleton";
import { SubscribeButton } from "./subscribe-button";
import { VideoGrid } from "./video-grid";
import { formatCount } from "./video-format";

/** /videos/c/[username]: the channel's person, subscriber and video counts, subscribe, and its public videos. */
export function ChannelView({ username, viewerId }: { username: string; viewerId: string | null }) {
  const trpc = useTRPC();
  const channel = useQuery(trpc.videos.channel.queryOptions({ username }));
  if (channel.isPending) {
    return (
      <div className="flex items-center gap-4" role="status" aria-busy="true" aria-label="Loading the channel">
        <Skeleton className="size-20 rounded-full" />
        <div className="space-y-2">
          <Skeleton className="h-6 w-48" />
          <Skeleton className="h-4 w-32" />
        </div>
      </div>
    );
  }
  if (channel.isError) {
    if (channel.error.data?.code === "NOT_FOUND") {
      return (
        <Alert title="Channel not found">
          No one here goes by that name.{" "}
          <Link href="/videos" className="underline">
            Browse videos
          </Link>
        </Alert>
      );
    }
    return <LoadError title="Could not load this channel" message={channel.error.message} onRetry={() => void channel.refetch()} />;
  }
  const data = channel.data;
  return (
    <div className="space-y-8">
      <header className="flex flex-wrap items-center gap-4">
        <Avatar name={data.name} image={data.image} size="lg" />
        <div className="flex-1 space-y-1">
          <h1 className="text-2xl font-semibold tracking-tight text-fg">{data.name}</h1>
          <p className="text-sm text-muted">
            {data.username ? `@${data.username} · ` : ""}
            {formatCount(data.subscriberCount, "subscriber")} · {formatCount(data.videoCount, "video")}
          </p>
        </div>
        <SubscribeButton channel={data} subscribed={data.subscribed} viewerId={viewerId} next={`/videos/c/${encodeURIComponent(username)}`} />
      </header>
      <VideoGrid channelId={data.id} label={`Videos of ${data.name}`} />
    </div>
  );
}
