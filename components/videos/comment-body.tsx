import type { ReactNode } from "react";
import { Avatar } from "@/components/ui/avatar";
import type { CommentView } from "@/server/videos/comments/comment-view";
import { formatDate } from "./video-format";

/**
 * A comment as it reads wherever it is shown (under a video, in the
 * moderation queue): its author's picture, name and date, then its text,
 * then `children` (the actions, or where it was posted). Its container, the
 * row these sit in, is the caller's.
 */
export function CommentBody({ comment, children }: { comment: Pick<CommentView, "author" | "createdAt" | "body">; children?: ReactNode }) {
  return (
    <>
      <Avatar name={comment.author.name} image={comment.author.image} size="sm" />
      <div className="min-w-0 flex-1 space-y-1">
        <p className="text-sm">
          <span className="font-medium text-fg">{comment.author.name}</span> <span className="text-muted">{formatDate(comment.createdAt)}</span>
        </p>
        <p className="whitespace-pre-line break-words text-fg">{comment.body}</p>
        {children}
      </div>
    </>
  );
}
