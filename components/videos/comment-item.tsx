"use client";

import { useInfiniteQuery, useMutation } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Textarea } from "@/components/ui/input";
import { LoadError } from "@/components/ui/load-error";
import { LoadMore } from "@/components/ui/load-more";
import { useToast } from "@/components/ui/toast";
import { REPORT_MAX_CHARS } from "@/server/videos/comments/comment-limits";
import type { CommentView } from "@/server/videos/comments/comment-view";
import { CommentBody } from "./comment-body";
import { CommentForm } from "./comment-form";
import { formatCount } from "./video-format";

/** One comment: author, date, text; reply (top-level comments), delete (mine), report (others'); its replies on demand. */
export function CommentItem({ videoId, comment, viewerId, onChanged }: { videoId: string; comment: CommentView; viewerId: string | null; onChanged: () => void }) {
  const trpc = useTRPC();
  const toast = useToast();
  const [replying, setReplying] = useState(false);
  const [showReplies, setShowReplies] = useState(false);
  const [reporting, setReporting] = useState(false);
  const remove = useMutation(
    trpc.videos.comments.delete.mutationOptions({
      onSuccess: onChanged,
      onError: (error) => toast.show({ tone: "error", title: "Could not delete the comment", description: error.message }),
    }),
  );
  const isReply = comment.parentId !== null;

  return (
    <article className="flex gap-3" aria-label={`Comment by ${comment.author.name}`}>
      <CommentBody comment={comment}>
        <div className="flex flex-wrap gap-1">
          {viewerId && !isReply ? (
            <Button variant="ghost" size="sm" onClick={() => setReplying((open) => !open)} aria-expanded={replying}>
              Reply
            </Button>
          ) : null}
          {comment.isMine ? (
            <Button variant="ghost" size="sm" loading={remove.isPending} onClick={() => remove.mutate({ commentId: comment.id })}>
              Delete
            </Button>
          ) : viewerId ? (
            <Button variant="ghost" size="sm" onClick={() => setReporting(true)}>
              Report
            </Button>
          ) : null}
        </div>
        {replying ? (
          <CommentForm
            videoId={videoId}
            parentId={comment.id}
            label={`Reply to ${comment.author.name}`}
            onPosted={() => {
              setReplying(false);
              setShowReplies(true);
              onChanged();
            }}
            onCancel={() => setReplying(false)}
          />
        ) : null}
        {!isReply && comment.replyCount > 0 ? (
          <Button variant="ghost" size="sm" className="text-accent-text" aria-expanded={showReplies} onClick={() => setShowReplies((open) => !open)}>
            {showReplies ? "Hide replies" : `View ${formatCount(comment.replyCount, "reply").replace("replys", "replies")}`}
          </Button>
        ) : null}
        {showReplies ? <Replies videoId={videoId} parentId={comment.id} viewerId={viewerId} onChanged={onChanged} /> : null}
      </CommentBody>
      <ReportDialog commentId={comment.id} open={reporting} onClose={() => setReporting(false)} />
    </article>
  );
}

function Replies({ videoId, parentId, viewerId, onChanged }: { videoId: string; parentId: string; viewerId: string | null; onChanged: () => void }) {
  const trpc = useTRPC();
  const pages = useInfiniteQuery(trpc.videos.comments.list.infiniteQueryOptions({ videoId, parentId, limit: 20 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  if (pages.isPending) return <p className="text-sm text-muted" aria-busy="true">Loading replies…</p>;
  if (pages.isError) return <LoadError title="Could not load the replies" message={pages.error.message} onRetry={() => void pages.refetch()} />;
  return (
    <div className="space-y-3 pt-2">
      <ul className="space-y-4" aria-label="Replies">
        {pages.data.pages
          .flatMap((page) => page.items)
          .map((reply) => (
            <li key={reply.id}>
              <CommentItem videoId={videoId} comment={reply} viewerId={viewerId} onChanged={onChanged} />
            </li>
          ))}
      </ul>
      <LoadMore pages={pages} items="replies" />
    </div>
  );
}

function ReportDialog({ commentId, open, onClose }: { commentId: string; open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const toast = useToast();
  const [reason, setReason] = useState("");
  const id = useId();
  const report = useMutation(
    trpc.videos.comments.report.mutationOptions({
      onSuccess: () => {
        toast.show({ tone: "success", title: "Thanks: the comment was reported" });
        setReason("");
        onClose();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    report.mutate({ commentId, reason });
  };
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Report this comment"
      description="Say what is wrong with it; moderators read every report."
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" form={`${id}-form`} loading={report.isPending} disabled={!reason.trim() || reason.length > REPORT_MAX_CHARS}>
            Report
          </Button>
        </>
      }
    >
      <form id={`${id}-form`} onSubmit={submit} className="space-y-2">
        <label htmlFor={id} className="text-sm font-medium text-fg">
          Reason
        </label>
        <Textarea id={id} value={reason} maxLength={REPORT_MAX_CHARS} onChange={(event) => setReason(event.target.value)} />
        {report.isError ? (
          <p role="alert" className="text-sm text-danger">
            {report.error.message}
          </p>
        ) : null}
      </form>
    </Dialog>
  );
}
