"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { useChannelEvent } from "@/components/realtime/realtime-provider";
import { useTRPC } from "@/components/trpc/client";
import { Alert } from "@/components/ui/alert";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { formatTime } from "./chat-time";
import {
  CHAT_EVENTS,
  conversationChannel,
  type ChatMe,
  type ChatUser,
  type MessageDeletedEvent,
  type MessageView,
  type ThreadReplyEvent,
  type ThreadReplyLinkPreviewEvent,
  type ThreadReplyView,
  type ThreadView,
} from "./chat-types";
import { LinkPreviewCard } from "./link-preview-card";
import { MAX_BODY } from "./composer";
import { MessageText } from "./message-text";
import { describeError } from "./send-errors";

/**
 * A message's thread beside the conversation (a full-screen sheet on phones):
 * the parent, its replies in order (with their link cards) and a box to
 * reply. Live from the conversation's `thread-reply` and
 * `thread-reply-link-preview` events: the thread is fetched again, so replies
 * arrive in the server's order and each once. Having it open reads the
 * thread's bell entries. Esc or "Close thread" closes it and gives focus back
 * to what opened it. As a sheet, Tab goes round inside it.
 */
export function ThreadPanel({ conversationId, messageId, me, onClose }: { conversationId: string; messageId: string; me: ChatMe; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const queryKey = trpc.chat.thread.queryKey({ messageId });
  // Fetched on every opening: replies that came while it was closed reached no listener.
  const thread = useQuery(trpc.chat.thread.queryOptions({ messageId }, { staleTime: 0 }));
  const channel = conversationChannel(conversationId);
  const refresh = () => void queryClient.invalidateQueries({ queryKey });
  useChannelEvent<ThreadReplyEvent>(channel, CHAT_EVENTS.threadReply, (event) => {
    if (event.parentId === messageId) refresh();
  });
  useChannelEvent<MessageDeletedEvent>(channel, CHAT_EVENTS.messageDeleted, (event) => {
    if (event.id === messageId) refresh();
  });
  useChannelEvent<ThreadReplyLinkPreviewEvent>(channel, CHAT_EVENTS.threadReplyLinkPreview, (event) => {
    if (event.parentId === messageId) refresh();
  });
  // Subscribed again after a drop: replies sent meanwhile were missed.
  useChannelEvent(channel, "pusher:subscription_succeeded", refresh);

  // Reading the thread reads its bell entries; again after each refresh, which is how new replies arrive here.
  const { mutate: markThreadRead } = useMutation(trpc.chat.markThreadRead.mutationOptions());
  useEffect(() => {
    if (thread.isSuccess) markThreadRead({ messageId });
  }, [thread.isSuccess, thread.dataUpdatedAt, messageId, markThreadRead]);

  // Focus goes back to the opener (the replies line, or the message's menu button) when the panel goes. Taken while
  // rendering: by the time effects run, the reply box's autoFocus has moved focus into the panel.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null));
  useEffect(
    () => () => {
      if (opener?.isConnected) opener.focus();
    },
    [opener],
  );

  const addReply = (reply: ThreadReplyView) =>
    queryClient.setQueryData(queryKey, (data: ThreadView | undefined) =>
      data && !data.replies.some((known) => known.id === reply.id) ? { ...data, replies: [...data.replies, reply].sort((a, b) => a.seq - b.seq) } : data,
    );

  return (
    <aside
      aria-label="Thread"
      onKeyDown={(event) => {
        if (event.key === "Escape") onClose();
        if (event.key === "Tab") keepTabInSheet(event);
      }}
      className="fixed inset-0 z-40 flex flex-col bg-surface md:static md:inset-auto md:z-auto md:w-80 md:shrink-0 md:border-l md:border-border"
    >
      <header className="flex items-center justify-between border-b border-border px-4 py-3">
        <h2 className="text-base font-semibold text-fg">Thread</h2>
        <button type="button" aria-label="Close thread" onClick={onClose} className="rounded-lg p-2 text-muted hover:bg-surface-2 hover:text-fg focus-visible:outline-2 focus-visible:outline-ring">
          <span aria-hidden="true">✕</span>
        </button>
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto px-4 py-3">
        {thread.isPending ? (
          <div role="status" aria-busy="true" aria-label="Loading the thread" className="space-y-3">
            <Skeleton className="h-12 w-full" />
            <Skeleton className="h-10 w-2/3" />
          </div>
        ) : thread.isError ? (
          <Alert title="Could not load the thread">
            <p>{describeError(thread.error)}</p>
            <Button size="sm" variant="secondary" className="mt-2" onClick={() => void thread.refetch()}>
              Try again
            </Button>
          </Alert>
        ) : (
          <>
            <ThreadEntry
              as="div"
              sender={thread.data.parent.sender}
              me={me}
              createdAt={thread.data.parent.createdAt}
              body={thread.data.parent.body}
              linkPreview={thread.data.parent.linkPreview}
              deleted={thread.data.parent.deletedAt !== null}
            />
            <p className="my-3 border-b border-border pb-1 text-xs font-medium text-muted">
              {thread.data.replies.length === 0 ? "No replies yet: start the thread." : `${thread.data.replies.length} ${thread.data.replies.length === 1 ? "reply" : "replies"}`}
            </p>
            {thread.data.replies.length > 0 ? (
              <ol aria-label="Replies" className="space-y-3">
                {thread.data.replies.map((reply) => (
                  <ThreadEntry
                    as="li"
                    key={reply.id}
                    sender={reply.sender}
                    me={me}
                    createdAt={reply.createdAt}
                    body={reply.body}
                    linkPreview={reply.linkPreview}
                    deleted={reply.deletedAt !== null}
                  />
                ))}
              </ol>
            ) : null}
          </>
        )}
      </div>
      <ThreadReplyBox messageId={messageId} onSent={addReply} />
    </aside>
  );
}

/** The parent (`div`) or one reply (`li`), named like the timeline's messages: "Ava, 3:05 PM" ("You" for mine); its link's card under it. */
function ThreadEntry({
  as: Tag,
  sender,
  me,
  createdAt,
  body,
  linkPreview,
  deleted,
}: {
  as: "div" | "li";
  sender: ChatUser;
  me: ChatMe;
  createdAt: Date;
  body: string;
  linkPreview: MessageView["linkPreview"];
  deleted: boolean;
}) {
  const name = sender.id === me.id ? "You" : sender.name;
  return (
    <Tag role={Tag === "div" ? "group" : undefined} aria-label={`${name}, ${formatTime(createdAt)}`} className="flex gap-2">
      <Avatar name={sender.name} image={sender.image} size="sm" />
      <div className="min-w-0 text-sm">
        <p className="text-xs text-muted">
          <span className="font-medium text-fg">{name}</span> · <time dateTime={createdAt.toISOString()}>{formatTime(createdAt)}</time>
        </p>
        {deleted ? (
          <p className="text-muted italic">message deleted</p>
        ) : (
          <>
            <div className="break-words whitespace-pre-wrap text-fg">
              <MessageText body={body} />
            </div>
            {linkPreview ? <LinkPreviewCard preview={linkPreview} /> : null}
          </>
        )}
      </div>
    </Tag>
  );
}

/** Enter sends, Shift+Enter is a new line. One client id per reply, kept across retries, so a retry is stored once. */
function ThreadReplyBox({ messageId, onSent }: { messageId: string; onSent: (reply: ThreadReplyView) => void }) {
  const trpc = useTRPC();
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);
  const clientId = useRef<string | null>(null);
  const send = useMutation(trpc.chat.replyInThread.mutationOptions());
  const tooLong = draft.length > MAX_BODY;

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!draft.trim() || tooLong || send.isPending) return;
    clientId.current ??= crypto.randomUUID();
    setError(null);
    send.mutate(
      { messageId, clientId: clientId.current, body: draft },
      {
        onSuccess: (reply) => {
          clientId.current = null;
          setDraft("");
          onSent(reply);
        },
        onError: (failure) => setError(describeError(failure)),
      },
    );
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) submit(event);
  };

  return (
    <form onSubmit={submit} className="border-t border-border p-3">
      <div className="flex items-end gap-2">
        <Textarea
          aria-label="Reply in thread"
          aria-invalid={tooLong || error !== null}
          autoFocus
          value={draft}
          maxLength={MAX_BODY + 100}
          readOnly={send.isPending}
          onChange={(event) => {
            // Other words are another reply: only an unchanged draft retries under the same client id.
            setDraft(event.target.value);
            clientId.current = null;
            setError(null);
          }}
          onKeyDown={onKeyDown}
          placeholder="Reply…"
          className="max-h-40 min-h-10 flex-1"
        />
        <Button type="submit" size="sm" loading={send.isPending} disabled={!draft.trim() || tooLong}>
          Send
        </Button>
      </div>
      {tooLong ? <p className="mt-1 text-xs text-danger">Replies can be at most {MAX_BODY.toLocaleString("en")} characters.</p> : null}
      {error ? (
        <p role="alert" className="mt-1 text-xs text-danger">
          {error}
        </p>
      ) : null}
    </form>
  );
}

/** Below `md` the panel is a sheet over the whole page (its classes above). */
const SHEET_QUERY = "(max-width: 767.98px)";
const FOCUSABLE = 'a[href], button:not([disabled]), textarea:not([disabled]), input:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * As a full-screen sheet the panel hides the page: Tab past its last control
 * (or Shift+Tab before its first) would land on links out of sight, where Esc
 * no longer closes it. There it goes round to the other end instead.
 */
function keepTabInSheet(event: KeyboardEvent<HTMLElement>): void {
  if (!window.matchMedia(SHEET_QUERY).matches) return;
  const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const [first, last] = [focusable.at(0), focusable.at(-1)];
  if (!first || !last) return;
  const leaving = event.shiftKey ? document.activeElement === first : document.activeElement === last;
  if (!leaving) return;
  event.preventDefault();
  (event.shiftKey ? last : first).focus();
}
