"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/trpc/client";
import { cn } from "@/components/ui/cn";
import { useToast } from "@/components/ui/toast";

type Reaction = "like" | "dislike";

/** Like and dislike with their counts; pressing the pressed one takes it back. Signed out, pressing either goes to sign-in. */
export function ReactionButtons({ videoId, reaction, likeCount, dislikeCount, viewerId }: { videoId: string; reaction: Reaction | null; likeCount: number; dislikeCount: number; viewerId: string | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const react = useMutation(
    trpc.videos.react.mutationOptions({
      onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: trpc.videos.viewerState.queryKey({ id: videoId }) }), queryClient.invalidateQueries({ queryKey: trpc.videos.get.queryKey({ id: videoId }) })]),
      onError: (error) => toast.show({ tone: "error", title: "Could not save that", description: error.message }),
    }),
  );
  const press = (value: Reaction) => {
    if (!viewerId) return router.push(`/sign-in?next=${encodeURIComponent(`/videos/${videoId}`)}`);
    react.mutate({ videoId, reaction: reaction === value ? null : value });
  };
  const button = (value: Reaction, count: number, label: string, icon: string) => (
    <button
      type="button"
      onClick={() => press(value)}
      disabled={react.isPending}
      aria-pressed={reaction === value}
      aria-label={`${label} (${count.toLocaleString("en")})`}
      className={cn(
        "inline-flex h-8 items-center gap-1.5 px-3 text-sm font-medium transition-colors hover:bg-surface-2 disabled:opacity-60",
        reaction === value ? "text-accent-text" : "text-fg",
      )}
    >
      <span aria-hidden="true">{icon}</span>
      <span className="tabular-nums">{count.toLocaleString("en")}</span>
    </button>
  );
  return (
    <div className="inline-flex divide-x divide-border overflow-hidden rounded-lg border border-border bg-surface shadow-sm" role="group" aria-label="Rate this video">
      {button("like", likeCount, "Like", "👍")}
      {button("dislike", dislikeCount, "Dislike", "👎")}
    </div>
  );
}
