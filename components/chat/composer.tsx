"use client";

import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { Popover } from "@/components/ui/popover";
import type { ChatAttachment, ChatUser, MessageView } from "./chat-types";
import { EmojiPicker } from "./emoji-picker";
import { MentionSuggestions, mentionOptionId } from "./mention-suggestions";
import { formatBytes } from "./message-attachments";
import { describeError } from "./send-errors";
import { uploadAttachment } from "./upload-attachment";
import { useMentionAutocomplete } from "./use-mention-autocomplete";
import type { Draft } from "./use-message-outbox";

type Upload = { id: string; name: string; size: number; progress: number; result?: ChatAttachment; error?: string };

export const MAX_BODY = 4_000;

/**
 * The message box: Enter sends, Shift+Enter is a new line. Files upload as
 * soon as they are picked (with progress) and go with the next message. The
 * emoji button inserts at the caret; "@" offers the conversation's members.
 * Sending never waits for the network: the message is queued at once.
 */
export function Composer({
  conversationId,
  recipientName,
  members,
  replyTo,
  replyAuthor,
  onCancelReply,
  onSend,
  onTyping,
}: {
  conversationId: string;
  recipientName: string;
  /** Who "@" offers: the other members. */
  members: ChatUser[];
  replyTo: MessageView | null;
  replyAuthor: string | null;
  onCancelReply: () => void;
  onSend: (draft: Draft) => void;
  onTyping: (typing: boolean) => void;
}) {
  const [body, setBody] = useState("");
  const [uploads, setUploads] = useState<Upload[]>([]);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const emojiButton = useRef<HTMLButtonElement>(null);
  const [emojiOpen, setEmojiOpen] = useState(false);
  const mentionListId = useId();
  const mentions = useMentionAutocomplete({ members, body, setBody, textarea });
  const fileInputId = useId();

  const uploading = uploads.some((upload) => !upload.result && !upload.error);
  const ready = uploads.filter((upload) => upload.result);
  const canSend = !uploading && (body.trim().length > 0 || ready.length > 0) && body.length <= MAX_BODY;

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!canSend) return;
    onSend({ body: body.trim(), replyTo, attachments: ready.flatMap((upload) => (upload.result ? [upload.result] : [])) });
    setBody("");
    setUploads([]);
    onTyping(false);
    onCancelReply();
    textarea.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (mentions.onKeyDown(event)) return;
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  const insertEmoji = (emoji: string) => {
    const element = textarea.current;
    const start = element?.selectionStart ?? body.length;
    const end = element?.selectionEnd ?? body.length;
    setBody(body.slice(0, start) + emoji + body.slice(end));
    setEmojiOpen(false);
    onTyping(true);
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + emoji.length, start + emoji.length);
    });
  };

  const addFiles = (files: FileList | null) => {
    for (const file of Array.from(files ?? [])) {
      const id = crypto.randomUUID();
      setUploads((current) => [...current, { id, name: file.name, size: file.size, progress: 0 }]);
      const patch = (change: Partial<Upload>) => setUploads((current) => current.map((upload) => (upload.id === id ? { ...upload, ...change } : upload)));
      uploadAttachment(conversationId, file, (progress) => patch({ progress })).then(
        (result) => patch({ result, progress: 1 }),
        (error: unknown) => patch({ error: describeError(error) }),
      );
    }
  };

  return (
    <form onSubmit={submit} className="border-t border-border bg-surface p-3">
      {replyTo ? (
        <div className="mb-2 flex items-start justify-between gap-2 rounded-lg border-l-4 border-accent bg-surface-2 px-3 py-2 text-sm">
          <div className="min-w-0">
            <p className="text-xs font-medium text-accent-text">Replying to {replyAuthor ?? "a message"}</p>
            <p className="truncate text-muted">{replyTo.body || "an attachment"}</p>
          </div>
          <button type="button" onClick={onCancelReply} className="rounded p-1 text-muted hover:text-fg" aria-label="Cancel reply">
            ✕
          </button>
        </div>
      ) : null}
      {uploads.length > 0 ? (
        <ul aria-label="Attachments" className="mb-2 space-y-1.5">
          {uploads.map((upload) => (
            <li key={upload.id} className="flex items-center gap-3 rounded-lg border border-border px-3 py-2 text-sm">
              <span className="min-w-0 flex-1">
                <span className="block truncate text-fg">{upload.name}</span>
                {upload.error ? (
                  <span className="block text-xs text-danger">{upload.error}</span>
                ) : (
                  <span className="mt-1 flex items-center gap-2">
                    <span
                      role="progressbar"
                      aria-label={`Uploading ${upload.name}`}
                      aria-valuemin={0}
                      aria-valuemax={100}
                      aria-valuenow={Math.round(upload.progress * 100)}
                      className="h-1.5 flex-1 overflow-hidden rounded-full bg-surface-2"
                    >
                      <span className="block h-full bg-accent transition-[width]" style={{ width: `${Math.round(upload.progress * 100)}%` }} />
                    </span>
                    <span className="text-xs text-muted">{upload.result ? `Ready · ${formatBytes(upload.size)}` : `${Math.round(upload.progress * 100)}%`}</span>
                  </span>
                )}
              </span>
              <button
                type="button"
                className="rounded p-1 text-muted hover:text-fg"
                aria-label={`Remove ${upload.name}`}
                onClick={() => setUploads((current) => current.filter((item) => item.id !== upload.id))}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="flex items-end gap-2">
        <label
          htmlFor={fileInputId}
          className="inline-flex size-10 shrink-0 cursor-pointer items-center justify-center rounded-lg text-muted hover:bg-surface-2 hover:text-fg focus-within:outline-2 focus-within:outline-ring"
        >
          <span className="sr-only">Attach files</span>
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.6">
            <path d="m15.5 9.5-5.8 5.8a3.5 3.5 0 0 1-5-5l6.4-6.3a2.3 2.3 0 0 1 3.3 3.3l-6.3 6.3a1.2 1.2 0 0 1-1.7-1.7l5.7-5.6" strokeLinecap="round" />
          </svg>
          <input
            id={fileInputId}
            type="file"
            multiple
            className="sr-only"
            onChange={(event) => {
              addFiles(event.target.files);
              event.target.value = "";
            }}
          />
        </label>
        <button
          ref={emojiButton}
          type="button"
          aria-label="Add emoji"
          aria-haspopup="dialog"
          aria-expanded={emojiOpen}
          onClick={() => setEmojiOpen((open) => !open)}
          className="inline-flex size-10 shrink-0 items-center justify-center rounded-lg text-lg text-muted hover:bg-surface-2 hover:text-fg focus-visible:outline-2 focus-visible:outline-ring"
        >
          <span aria-hidden="true">☺</span>
        </button>
        <Popover anchor={emojiButton} open={emojiOpen} onClose={() => setEmojiOpen(false)} label="Emoji picker" align="start">
          <EmojiPicker onPick={insertEmoji} />
        </Popover>
        <div className="relative min-w-0 flex-1">
          {mentions.open ? (
            <MentionSuggestions id={mentionListId} suggestions={mentions.suggestions} highlighted={mentions.highlighted} onPick={mentions.pick} />
          ) : null}
          <textarea
            ref={textarea}
            aria-label={`Message ${recipientName}`}
            aria-autocomplete="list"
            aria-controls={mentions.open ? mentionListId : undefined}
            aria-activedescendant={mentions.activeMember ? mentionOptionId(mentionListId, mentions.activeMember) : undefined}
            placeholder={`Message ${recipientName}`}
            rows={1}
            value={body}
            maxLength={MAX_BODY + 100}
            onChange={(event) => {
              setBody(event.target.value);
              mentions.trackCaret(event.target);
              onTyping(event.target.value.length > 0);
            }}
            onKeyDown={onKeyDown}
            onSelect={(event) => mentions.trackCaret(event.currentTarget)}
            onBlur={() => onTyping(false)}
            className="block max-h-40 min-h-10 w-full resize-none rounded-lg border border-border bg-surface px-3 py-2 text-sm text-fg placeholder:text-muted/80 focus-visible:border-accent focus-visible:outline-2 focus-visible:outline-ring [field-sizing:content]"
          />
        </div>
        <Button type="submit" disabled={!canSend}>
          Send
        </Button>
      </div>
      {body.length > MAX_BODY ? <p className="mt-1 text-xs text-danger">Messages can be at most {MAX_BODY.toLocaleString("en")} characters.</p> : null}
    </form>
  );
}
