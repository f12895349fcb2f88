"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState, type ReactNode } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import type { AuthorView, PostView } from "@/server/feed/hydrate/post-view";
import { compactCount, postHref, profileHref, shortTimeAgo } from "./feed-format";
import { PostImages } from "./post-images";
import { PostText } from "./post-text";
import { QuoteDialog } from "./quote-dialog";
import { QuotedPost } from "./quoted-post";
import { ReportPostDialog } from "./report-post-dialog";
import { usePostToggles } from "./use-post-toggles";

/**
 * One post in a list: who, when, what, and its actions. `viewerId` null is a
 * signed-out reader (no actions). `onDeleted` lets the list drop it.
 */
export function PostCard({
  post,
  repostedBy,
  viewerId,
  highlighted = false,
  highlight,
  onDeleted,
}: {
  post: PostView;
  repostedBy?: AuthorView | null;
  viewerId: string | null;
  highlighted?: boolean;
  /** Words to mark in the text (search hits). */
  highlight?: readonly string[];
  onDeleted?: () => void;
}) {
  if (post.deleted) {
    return <article className="px-4 py-4 text-sm italic text-muted">This post was deleted.</article>;
  }
  return (
    <article aria-label={`Post by ${post.author.name}`} className={cn("px-4 py-4", highlighted && "bg-surface-2/60")}>
      {repostedBy ? (
        <p className="mb-2 pl-12 text-xs font-medium text-muted">
          <RepostIcon /> <Link href={profileHref(repostedBy.username, repostedBy.id)} className="hover:underline">{repostedBy.name}</Link> reposted
        </p>
      ) : null}
      <div className="flex gap-3">
        <Link href={profileHref(post.author.username, post.author.id)} aria-hidden="true" tabIndex={-1}>
          <Avatar name={post.author.name} image={post.author.image} />
        </Link>
        <div className="min-w-0 flex-1 space-y-1">
          <PostHeader author={post.author} createdAt={post.createdAt} href={postHref(post.id)} />
          {post.replyTo ? (
            <p className="text-xs text-muted">
              Replying to{" "}
              {post.replyTo.author ? (
                <Link href={profileHref(post.replyTo.author.username, post.replyTo.author.id)} className="text-accent-text hover:underline">
                  @{post.replyTo.author.username ?? post.replyTo.author.name}
                </Link>
              ) : (
                "a deleted post"
              )}
            </p>
          ) : null}
          <div className={highlighted ? "text-lg" : undefined}>
            <PostText text={post.text} highlight={highlight} />
          </div>
          <PostImages images={post.images} />
          {post.quote ? <QuotedPost quote={post.quote} /> : null}
          <PostActions post={post} viewerId={viewerId} onDeleted={onDeleted} />
        </div>
      </div>
    </article>
  );
}

function PostHeader({ author, createdAt, href }: { author: AuthorView; createdAt: Date; href: string }) {
  return (
    <div className="flex flex-wrap items-baseline gap-x-2 text-sm">
      <Link href={profileHref(author.username, author.id)} className="font-semibold text-fg hover:underline">
        {author.name}
      </Link>
      {author.username ? <span className="text-muted">@{author.username}</span> : null}
      <span aria-hidden="true" className="text-muted">
        ·
      </span>
      <Link href={href} className="text-muted hover:underline">
        <time dateTime={createdAt.toISOString()} title={createdAt.toLocaleString("en")}>
          {shortTimeAgo(createdAt)}
        </time>
      </Link>
    </div>
  );
}

function PostActions({ post, viewerId, onDeleted }: { post: PostView; viewerId: string | null; onDeleted?: () => void }) {
  const { state, toggleLike, toggleRepost, toggleBookmark } = usePostToggles(post);
  const [confirming, setConfirming] = useState(false);
  const [reporting, setReporting] = useState(false);
  const [quoting, setQuoting] = useState(false);
  const trpc = useTRPC();
  const toast = useToast();
  const remove = useMutation(
    trpc.feed.posts.delete.mutationOptions({
      onSuccess: () => {
        setConfirming(false);
        toast.show({ tone: "success", title: "Post deleted" });
        onDeleted?.();
      },
    }),
  );
  const signedIn = viewerId !== null;
  return (
    // On a 360 px phone five counters and "Report" do not fit in a row: the counters tighten, Delete and Report
    // become icons (their words stay as the names), and a row that is still too wide wraps instead of leaving the card.
    <div className="-ml-2 flex flex-wrap items-center gap-x-0.5 pt-1 text-sm text-muted sm:gap-x-1">
      <ActionLink href={postHref(post.id)} label={`Reply (${post.replyCount} replies)`}>
        <ReplyIcon /> {compactCount(post.replyCount)}
      </ActionLink>
      <ActionButton
        pressed={state.reposted}
        disabled={!signedIn}
        label={state.reposted ? "Undo repost" : "Repost"}
        description={countOf(state.repostCount, "repost")}
        tone="success"
        onClick={toggleRepost}
      >
        <RepostIcon /> {compactCount(state.repostCount)}
      </ActionButton>
      <ActionButton disabled={!signedIn} label={`Quote (${post.quoteCount} quotes)`} onClick={() => setQuoting(true)}>
        <QuoteIcon /> {compactCount(post.quoteCount)}
      </ActionButton>
      {quoting ? <QuoteDialog post={post} open onClose={() => setQuoting(false)} /> : null}
      <ActionButton
        pressed={state.liked}
        disabled={!signedIn}
        label={state.liked ? "Unlike" : "Like"}
        description={countOf(state.likeCount, "like")}
        tone="danger"
        onClick={toggleLike}
      >
        <HeartIcon filled={state.liked} /> {compactCount(state.likeCount)}
      </ActionButton>
      <ActionButton pressed={state.bookmarked} disabled={!signedIn} label={state.bookmarked ? "Remove bookmark" : "Bookmark"} tone="accent" onClick={toggleBookmark}>
        <BookmarkIcon filled={state.bookmarked} />
      </ActionButton>
      {viewerId === post.author.id ? (
        <>
          <Button variant="ghost" size="sm" className="ml-auto text-muted" onClick={() => setConfirming(true)}>
            <TrashIcon />
            <span className="sr-only sm:not-sr-only">Delete</span>
          </Button>
          <Dialog
            open={confirming}
            onClose={() => setConfirming(false)}
            title="Delete this post?"
            description="It disappears from your profile and from everyone's timeline. This cannot be undone."
            footer={
              <>
                <Button variant="secondary" onClick={() => setConfirming(false)}>
                  Cancel
                </Button>
                <Button variant="danger" loading={remove.isPending} onClick={() => remove.mutate({ postId: post.id })}>
                  Delete
                </Button>
              </>
            }
          >
            {remove.isError ? <p className="text-sm text-danger">{remove.error.message}</p> : null}
          </Dialog>
        </>
      ) : signedIn ? (
        <>
          <Button variant="ghost" size="sm" className="ml-auto text-muted" aria-label={`Report post by ${post.author.name}`} onClick={() => setReporting(true)}>
            <FlagIcon />
            <span className="sr-only sm:not-sr-only">Report</span>
          </Button>
          <ReportPostDialog postId={post.id} authorName={post.author.name} open={reporting} onClose={() => setReporting(false)} />
        </>
      ) : null}
    </div>
  );
}

const TONES = { danger: "text-danger", success: "text-success", accent: "text-accent-text" } as const;

/** "1 like", "8 likes": what the visible number is, for a screen reader. */
function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function ActionButton({
  pressed,
  disabled,
  label,
  description,
  tone,
  onClick,
  children,
}: {
  /** Set on toggles (like, repost, bookmark): pressed shows in the tone's colour. */
  pressed?: boolean;
  disabled: boolean;
  label: string;
  /**
   * The count the button shows, said after its name: the label (what the button does) replaces the visible
   * number as the name, so without this a screen reader would never hear how many likes or reposts there are.
   */
  description?: string;
  tone?: keyof typeof TONES;
  onClick: () => void;
  children: ReactNode;
}) {
  const descriptionId = useId();
  const button = (
    <button
      type="button"
      aria-label={label}
      aria-describedby={description ? descriptionId : undefined}
      aria-pressed={pressed}
      disabled={disabled}
      onClick={onClick}
      className={cn(
        "inline-flex h-8 items-center gap-1.5 rounded-full px-1.5 tabular-nums hover:bg-surface-2 disabled:cursor-not-allowed disabled:opacity-60 sm:px-2",
        pressed && tone && TONES[tone],
      )}
    >
      {children}
    </button>
  );
  // Beside the button, not in it: its text would join the button's own (what its number reads as).
  return description ? (
    <>
      {button}
      <span id={descriptionId} hidden>
        {description}
      </span>
    </>
  ) : (
    button
  );
}

function ActionLink({ href, label, children }: { href: string; label: string; children: ReactNode }) {
  return (
    <Link href={href} aria-label={label} className="inline-flex h-8 items-center gap-1.5 rounded-full px-1.5 tabular-nums hover:bg-surface-2 sm:px-2">
      {children}
    </Link>
  );
}

const iconProps = { width: 16, height: 16, viewBox: "0 0 24 24", "aria-hidden": true, stroke: "currentColor", strokeWidth: 2, strokeLinecap: "round", strokeLinejoin: "round" } as const;

function ReplyIcon() {
  return (
    <svg {...iconProps} fill="none">
      <path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12Z" />
    </svg>
  );
}

function RepostIcon() {
  return (
    <svg {...iconProps} fill="none" className="inline">
      <path d="m17 2 4 4-4 4M3 11V9a3 3 0 0 1 3-3h15M7 22l-4-4 4-4m14-1v2a3 3 0 0 1-3 3H3" />
    </svg>
  );
}

function QuoteIcon() {
  return (
    <svg {...iconProps} fill="none">
      <path d="M12 20h9M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4Z" />
    </svg>
  );
}

function HeartIcon({ filled }: { filled: boolean }) {
  return (
    <svg {...iconProps} fill={filled ? "currentColor" : "none"}>
      <path d="M12 21s-7.5-4.6-9.5-9.2C1 8.3 3.3 4.5 7 4.5c2 0 3.4 1 5 2.8 1.6-1.8 3-2.8 5-2.8 3.7 0 6 3.8 4.5 7.3C19.5 16.4 12 21 12 21Z" />
    </svg>
  );
}

function TrashIcon() {
  return (
    <svg {...iconProps} fill="none" className="sm:hidden">
      <path d="M3 6h18M8 6V4h8v2m-9 0 1 14h8l1-14M10 10v6m4-6v6" />
    </svg>
  );
}

function FlagIcon() {
  return (
    <svg {...iconProps} fill="none" className="sm:hidden">
      <path d="M4 22V4m0 0h13l-2 4 2 4H4" />
    </svg>
  );
}

function BookmarkIcon({ filled }: { filled: boolean }) {
  return (
    <svg {...iconProps} fill={filled ? "currentColor" : "none"}>
      <path d="M6 3h12v18l-6-4-6 4V3Z" />
    </svg>
  );
}
