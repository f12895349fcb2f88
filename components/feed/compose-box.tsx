"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Textarea } from "@/components/ui/input";
import type { PostView } from "@/server/feed/hydrate/post-view";
import { POST_MAX_LENGTH, postLength } from "@/server/feed/posts/post-text";

/**
 * Writes a post or a reply. The counter counts as the server does (an emoji
 * is one character, a link 23) and turns red past 280; the server's message
 * (too long, rate-limited, post deleted meanwhile) shows under the box.
 */
export function ComposeBox({
  replyToId,
  placeholder = "What's happening?",
  submitLabel = "Post",
  onPosted,
}: {
  replyToId?: string;
  placeholder?: string;
  submitLabel?: string;
  onPosted: (post: PostView) => void;
}) {
  const trpc = useTRPC();
  const [text, setText] = useState("");
  const fieldId = useId();
  const counterId = useId();
  const create = useMutation(
    trpc.feed.posts.create.mutationOptions({
      onSuccess: (post) => {
        setText("");
        onPosted(post);
      },
    }),
  );
  const length = postLength(text.trim());
  const remaining = POST_MAX_LENGTH - length;
  const canPost = length > 0 && remaining >= 0 && !create.isPending;

  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (canPost) create.mutate({ text, replyToId: replyToId ?? null });
      }}
    >
      <label htmlFor={fieldId} className="sr-only">
        {replyToId ? "Your reply" : "New post"}
      </label>
      <Textarea
        id={fieldId}
        value={text}
        rows={3}
        placeholder={placeholder}
        aria-describedby={counterId}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.metaKey || event.ctrlKey) && canPost) create.mutate({ text, replyToId: replyToId ?? null });
        }}
      />
      <div className="flex items-center justify-end gap-3">
        <span
          id={counterId}
          aria-live="polite"
          className={cn("text-sm tabular-nums", remaining < 0 ? "font-semibold text-danger" : remaining <= 20 ? "text-warning" : "text-muted")}
        >
          {remaining < 0 ? `${-remaining} over the limit` : `${remaining} left`}
        </span>
        <Button type="submit" size="sm" disabled={!canPost} loading={create.isPending}>
          {submitLabel}
        </Button>
      </div>
      {create.isError ? <Alert>{create.error.message}</Alert> : null}
    </form>
  );
}
