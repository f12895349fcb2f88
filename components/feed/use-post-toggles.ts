"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { useToast } from "@/components/ui/toast";
import type { PostView } from "@/server/feed/hydrate/post-view";

type Toggles = Pick<PostView, "liked" | "likeCount" | "reposted" | "repostCount" | "bookmarked">;

/**
 * Like, repost and bookmark with optimistic updates: the card shows the new
 * state at once, settles on the server's answer (the exact count), and on an
 * error goes back to what it showed before, with the server's message.
 */
export function usePostToggles(post: PostView) {
  const trpc = useTRPC();
  const toast = useToast();
  const [override, setOverride] = useState<Partial<Toggles>>({});
  const state: Toggles = {
    liked: override.liked ?? post.liked,
    likeCount: override.likeCount ?? post.likeCount,
    reposted: override.reposted ?? post.reposted,
    repostCount: override.repostCount ?? post.repostCount,
    bookmarked: override.bookmarked ?? post.bookmarked,
  };
  const rollback = (previous: Partial<Toggles>, what: string) => (error: { message: string }) => {
    setOverride(previous);
    toast.show({ tone: "error", title: `Could not ${what}`, description: error.message });
  };

  const like = useMutation(trpc.feed.engagement.like.mutationOptions());
  const repost = useMutation(trpc.feed.engagement.repost.mutationOptions());
  const bookmark = useMutation(trpc.feed.engagement.bookmark.mutationOptions());

  return {
    state,
    toggleLike() {
      const previous = override;
      const liked = !state.liked;
      setOverride({ ...override, liked, likeCount: state.likeCount + (liked ? 1 : -1) });
      like.mutate(
        { postId: post.id, liked },
        { onSuccess: (answer) => setOverride((now) => ({ ...now, ...answer })), onError: rollback(previous, liked ? "like this post" : "remove your like") },
      );
    },
    toggleRepost() {
      const previous = override;
      const reposted = !state.reposted;
      setOverride({ ...override, reposted, repostCount: state.repostCount + (reposted ? 1 : -1) });
      repost.mutate(
        { postId: post.id, reposted },
        { onSuccess: (answer) => setOverride((now) => ({ ...now, ...answer })), onError: rollback(previous, reposted ? "repost" : "undo the repost") },
      );
    },
    toggleBookmark() {
      const previous = override;
      const bookmarked = !state.bookmarked;
      setOverride({ ...override, bookmarked });
      bookmark.mutate({ postId: post.id, bookmarked }, { onError: rollback(previous, bookmarked ? "bookmark this post" : "remove the bookmark") });
    },
  };
}
