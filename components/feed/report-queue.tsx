"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadError } from "@/components/ui/load-error";
import { useToast } from "@/components/ui/toast";
import type { ReportedPost } from "@/server/feed/safety/list-reported-posts";
import { shortTimeAgo } from "./feed-format";
import { TimelineSkeleton } from "./home-timeline";
import { PostCard } from "./post-card";

/** /feed/admin/reports: each reported post with why it was reported, and the two decisions. */
export function ReportQueue() {
  const trpc = useTRPC();
  const queue = useQuery(trpc.feed.moderation.queue.queryOptions());
  if (queue.isPending) return <TimelineSkeleton />;
  if (queue.isError) return <LoadError title="Could not load the reports" message={queue.error.message} onRetry={() => void queue.refetch()} />;
  if (queue.data.length === 0) return <EmptyState title="No open reports" description="When someone reports a post, it waits here for a decision." />;
  return (
    <ul className="space-y-4">
      {queue.data.map((item) => (
        <li key={item.post.id}>
          <ReportedPostCard item={item} />
        </li>
      ))}
    </ul>
  );
}

function ReportedPostCard({ item }: { item: ReportedPost }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const resolve = useMutation(
    trpc.feed.moderation.resolve.mutationOptions({
      onSuccess: (_, { action }) => toast.show({ tone: "success", title: action === "remove" ? "Post removed" : "Reports dismissed" }),
      onError: (error) => toast.show({ tone: "error", title: "Could not resolve the reports", description: error.message }),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.feed.moderation.queue.queryKey() }),
    }),
  );
  const { post } = item;
  return (
    <Card aria-label={`Reports about ${post.author.name}'s post`} className="divide-y divide-border">
      <PostCard post={post} viewerId={null} />
      <div className="space-y-3 px-4 py-3 text-sm">
        <p className="flex flex-wrap items-center gap-2">
          <strong>
            {item.reportCount} {item.reportCount === 1 ? "report" : "reports"}
          </strong>
          {item.reasons.map((reason) => (
            <Badge key={reason}>{reason}</Badge>
          ))}
          <span className="text-muted">oldest report: {shortTimeAgo(item.firstReportedAt)}</span>
        </p>
        {item.details.length > 0 ? (
          <ul className="list-disc space-y-1 pl-5 text-muted">
            {item.details.map((detail) => (
              <li key={detail}>{detail}</li>
            ))}
          </ul>
        ) : null}
        <div className="flex gap-2">
          <Button variant="danger" size="sm" loading={resolve.isPending && resolve.variables.action === "remove"} disabled={resolve.isPending} onClick={() => resolve.mutate({ postId: post.id, action: "remove" })}>
            Remove post
          </Button>
          <Button variant="secondary" size="sm" loading={resolve.isPending && resolve.variables.action === "dismiss"} disabled={resolve.isPending} onClick={() => resolve.mutate({ postId: post.id, action: "dismiss" })}>
            Dismiss reports
          </Button>
        </div>
      </div>
    </Card>
  );
}
