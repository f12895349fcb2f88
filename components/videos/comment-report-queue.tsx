"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadError } from "@/components/ui/load-error";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import type { ReportedComment } from "@/server/videos/comments/list-reported-comments";
import { CommentBody } from "./comment-body";
import { formatCount, formatDate } from "./video-format";

/**
 * /videos/admin/reports, as Feed's report queue: each reported comment with
 * its video, how many reported it and what they said, and the two decisions.
 */
export function CommentReportQueue() {
  const trpc = useTRPC();
  const queue = useQuery(trpc.videos.moderation.queue.queryOptions());
  if (queue.isPending) {
    return (
      <div className="space-y-4" role="status" aria-busy="true" aria-label="Loading the reports">
        <Skeleton className="h-40 w-full rounded-xl" />
        <Skeleton className="h-40 w-full rounded-xl" />
      </div>
    );
  }
  if (queue.isError) return <LoadError title="Could not load the reports" message={queue.error.message} onRetry={() => void queue.refetch()} />;
  if (queue.data.length === 0) return <EmptyState title="No open reports" description="When someone reports a comment on a video, it waits here for a decision." />;
  return (
    <ul className="space-y-4" aria-label="Reported comments">
      {queue.data.map((item) => (
        <li key={item.comment.id}>
          <ReportedCommentCard item={item} />
        </li>
      ))}
    </ul>
  );
}

function ReportedCommentCard({ item }: { item: ReportedComment }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const resolve = useMutation(
    trpc.videos.moderation.resolve.mutationOptions({
      onSuccess: ({ resolved }) => toast.show({ tone: "success", title: resolved === "removed" ? "Comment removed" : "Reports dismissed" }),
      onError: (error) => toast.show({ tone: "error", title: "Could not decide on the reports", description: error.message }),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.videos.moderation.queue.queryKey() }),
    }),
  );
  const { comment, video } = item;
  return (
    <Card aria-label={`Reports about ${comment.author.name}'s comment`} className="divide-y divide-border">
      <div className="flex gap-3 px-4 py-3">
        <CommentBody comment={comment}>
          <p className="text-sm text-muted">
            On{" "}
            <Link href={`/videos/${video.id}`} className="text-accent-text hover:underline">
              {video.title}
            </Link>
          </p>
        </CommentBody>
      </div>
      <div className="space-y-3 px-4 py-3 text-sm">
        <p>
          <strong>{formatCount(item.reportCount, "report")}</strong> <span className="text-muted">· oldest {formatDate(item.firstReportedAt)}</span>
        </p>
        <ul className="list-disc space-y-1 pl-5 text-muted" aria-label="What the reporters said">
          {item.reasons.map((reason, index) => (
            // Two people may give the same reason: the position keeps the keys apart.
            <li key={`${index}-${reason}`} className="break-words">
              {reason}
            </li>
          ))}
        </ul>
        <div className="flex gap-2">
          <Button variant="danger" size="sm" loading={resolve.isPending && resolve.variables.action === "remove"} disabled={resolve.isPending} onClick={() => resolve.mutate({ commentId: comment.id, action: "remove" })}>
            Remove comment
          </Button>
          <Button variant="secondary" size="sm" loading={resolve.isPending && resolve.variables.action === "dismiss"} disabled={resolve.isPending} onClick={() => resolve.mutate({ commentId: comment.id, action: "dismiss" })}>
            Dismiss
          </Button>
        </div>
      </div>
    </Card>
  );
}
