"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/trpc/client";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadError } from "@/components/ui/load-error";
import { ComposeBox } from "./compose-box";
import { TimelineSkeleton } from "./home-timeline";
import { PostCard } from "./post-card";

/** A post page: the posts it answers, the post itself, a reply box, and its replies (oldest first). */
export function ThreadView({ postId, viewerId }: { postId: string; viewerId: string | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const options = trpc.feed.posts.thread.queryOptions({ postId });
  const thread = useQuery(options);

  if (thread.isPending) return <TimelineSkeleton />;
  if (thread.isError) {
    return thread.error.data?.code === "NOT_FOUND" ? (
      <EmptyState
        title="This post is not here"
        description="It may have been deleted."
        action={
          <Link href="/feed" className={buttonClasses({ variant: "secondary" })}>
            Back to your timeline
          </Link>
        }
      />
    ) : (
      <LoadError title="Could not load this post" message={thread.error.message} onRetry={() => void thread.refetch()} />
    );
  }
  const { ancestors, post, replies } = thread.data;
  return (
    <div className="space-y-4">
      <Card className="divide-y divide-border">
        {ancestors.map((ancestor) => (
          <PostCard key={ancestor.id} post={ancestor} viewerId={viewerId} />
        ))}
        <PostCard post={post} viewerId={viewerId} highlighted onDeleted={() => router.push("/feed")} />
      </Card>
      {viewerId ? (
        <Card className="p-4">
          <ComposeBox
            replyToId={post.id}
            placeholder={`Reply to ${post.author.name}`}
            submitLabel="Reply"
            onPosted={() => void queryClient.invalidateQueries({ queryKey: options.queryKey })}
          />
        </Card>
      ) : (
        <p className="text-sm text-muted">
          <Link href={`/sign-in?next=${encodeURIComponent(`/feed/posts/${post.id}`)}`} className="text-accent-text hover:underline">
            Sign in
          </Link>{" "}
          to reply.
        </p>
      )}
      <section aria-label="Replies">
        {replies.length === 0 ? (
          <p className="py-6 text-center text-sm text-muted">No replies yet.</p>
        ) : (
          <Card className="divide-y divide-border">
            {replies.map((reply) => (
              <PostCard key={reply.id} post={reply} viewerId={viewerId} onDeleted={() => void thread.refetch()} />
            ))}
          </Card>
        )}
      </section>
    </div>
  );
}
