"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Textarea } from "@/components/ui/input";
import type { PostView } from "@/server/feed/hydrate/post-view";
import { POST_IMAGES_MAX } from "@/server/feed/media/post-image-limits";
import { POST_MAX_LENGTH, postLength } from "@/server/feed/posts/post-text";
import { ComposeImages } from "./compose-images";
import { usePostImages } from "./use-post-images";

/**
 * Writes a post, a reply or a quote, with up to 4 pictures. The counter
 * counts as the server does (an emoji is one character, a link 23) and turns
 * red past 280; pictures upload as soon as they are chosen, and Post waits
 * for them. The server's message (too long, rate-limited, post deleted
 * meanwhile) shows under the box.
 */
export function ComposeBox({
  replyToId,
  quoteOfId,
  placeholder = "What's happening?",
  submitLabel = "Post",
  autoFocus = false,
  onPosted,
}: {
  replyToId?: string;
  quoteOfId?: string;
  placeholder?: string;
  submitLabel?: string;
  autoFocus?: boolean;
  onPosted: (post: PostView) => void;
}) {
  const trpc = useTRPC();
  const [text, setText] = useState("");
  const pictures = usePostImages();
  const fileInput = useRef<HTMLInputElement>(null);
  const fieldId = useId();
  const counterId = useId();
  const create = useMutation(
    trpc.feed.posts.create.mutationOptions({
      onSuccess: (post) => {
        setText("");
        pictures.reset();
        onPosted(post);
      },
    }),
  );
  const length = postLength(text.trim());
  const remaining = POST_MAX_LENGTH - length;
  const hasContent = length > 0 || pictures.payload.length > 0;
  const canPost = hasContent && remaining >= 0 && !pictures.uploading && !pictures.failed && !create.isPending;
  const post = () => create.mutate({ text, replyToId: replyToId ?? null, quoteOfId: quoteOfId ?? null, images: pictures.payload });

  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (canPost) post();
      }}
    >
      <label htmlFor={fieldId} className="sr-only">
        {replyToId ? "Your reply" : quoteOfId ? "Your comment" : "New post"}
      </label>
      <Textarea
        id={fieldId}
        value={text}
        rows={3}
        placeholder={placeholder}
        autoFocus={autoFocus}
        aria-describedby={counterId}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.metaKey || event.ctrlKey) && canPost) post();
        }}
      />
      <ComposeImages images={pictures.images} onRemove={pictures.remove} onAlt={pictures.setAlt} />
      {pictures.notice ? <p className="text-sm text-warning">{pictures.notice}</p> : null}
      <div className="flex items-center justify-end gap-3">
        <input
          ref={fileInput}
          type="file"
          multiple
          accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
          aria-label="Add pictures"
          className="sr-only"
          tabIndex={-1}
          onChange={(event) => {
            void pictures.add(Array.from(event.target.files ?? []));
            event.target.value = "";
          }}
        />
        <Button
          variant="ghost"
          size="sm"
          className="mr-auto"
          disabled={pictures.images.length >= POST_IMAGES_MAX}
          onClick={() => fileInput.current?.click()}
          aria-label={`Add pictures (up to ${POST_IMAGES_MAX})`}
        >
          <PictureIcon /> Picture
        </Button>
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

function PictureIcon() {
  return (
    <svg width={16} height={16} viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
      <rect x="3" y="3" width="18" height="18" rx="2" />
      <circle cx="9" cy="9" r="2" />
      <path d="m21 15-5-5L5 21" />
    </svg>
  );
}
