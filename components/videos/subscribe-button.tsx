"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/client";
import { Button, buttonClasses } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";

/**
 * Subscribe / Subscribed for a channel. Signed out it is a link to sign in
 * (coming back to `next`); on my own channel it is not shown. The watch page
 * and the channel page read their state from different queries: both refetch.
 */
export function SubscribeButton({ channel, subscribed, viewerId, next }: { channel: { id: string; name: string }; subscribed: boolean; viewerId: string | null; next: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const subscribe = useMutation(
    trpc.videos.subscribe.mutationOptions({
      onSuccess: () =>
        Promise.all(
          [trpc.videos.viewerState, trpc.videos.channel, trpc.videos.subscriptionVideos, trpc.videos.subscribedChannels].map((procedure) => queryClient.invalidateQueries({ queryKey: procedure.pathKey() })),
        ),
      onError: (error) => toast.show({ tone: "error", title: "Could not change your subscription", description: error.message }),
    }),
  );
  if (viewerId === channel.id) return null;
  if (!viewerId) {
    return (
      <Link href={`/sign-in?next=${encodeURIComponent(next)}`} className={buttonClasses({ size: "sm" })}>
        Subscribe
      </Link>
    );
  }
  return (
    <Button
      size="sm"
      variant={subscribed ? "secondary" : "primary"}
      loading={subscribe.isPending}
      aria-pressed={subscribed}
      aria-label={subscribed ? `Unsubscribe from ${channel.name}` : `Subscribe to ${channel.name}`}
      onClick={() => subscribe.mutate({ channelId: channel.id, subscribed: !subscribed })}
    >
      {subscribed ? "Subscribed" : "Subscribe"}
    </Button>
  );
}
