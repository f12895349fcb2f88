"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/input";
import { COMMENT_MAX_CHARS } from "@/server/videos/comments/comment-limits";

/** Writes a comment, or a reply when `parentId` is given; the server enforces the same length and a rate. */
export function CommentForm({ videoId, parentId = null, label, onPosted, onCancel }: { videoId: string; parentId?: string | null; label: string; onPosted: () => void; onCancel?: () => void }) {
  const trpc = useTRPC();
  const [body, setBody] = useState("");
  const id = useId();
  const add = useMutation(
    trpc.videos.comments.add.mutationOptions({
      onSuccess: () => {
        setBody("");
        onPosted();
      },
    }),
  );
  const tooLong = body.length > COMMENT_MAX_CHARS;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (body.trim() && !tooLong) add.mutate({ videoId, parentId, body });
  };
  return (
    <form onSubmit={submit} className="space-y-2">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <Textarea id={id} value={body} onChange={(event) => setBody(event.target.value)} placeholder={`${label}…`} aria-invalid={tooLong || add.isError ? true : undefined} aria-describedby={`${id}-status`} className="min-h-16" />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p id={`${id}-status`} className={tooLong || add.isError ? "text-sm text-danger" : "text-sm text-muted"} role={add.isError ? "alert" : undefined}>
          {add.isError ? add.error.message : `${body.length.toLocaleString("en")} / ${COMMENT_MAX_CHARS.toLocaleString("en")}`}
        </p>
        <div className="flex gap-2">
          {onCancel ? (
            <Button type="button" variant="ghost" size="sm" onClick={onCancel}>
              Cancel
            </Button>
          ) : null}
          <Button type="submit" size="sm" loading={add.isPending} disabled={!body.trim() || tooLong}>
            {parentId ? "Reply" : "Comment"}
          </Button>
        </div>
      </div>
    </form>
  );
}
