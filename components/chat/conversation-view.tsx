"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTRPC, useTRPCClient } from "@/components/trpc/client";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import { useChatContext } from "./chat-shell";
import type { ChatUser, MessageView } from "./chat-types";
import { Composer } from "./composer";
import { ConnectionBanner } from "./connection-banner";
import { ConversationHeader } from "./conversation-header";
import { GroupMembersButton } from "./group-members-dialog";
import { MessageItem, type MessageActions } from "./message-item";
import { MessageList, type ListRow } from "./message-list";
import { MuteButton } from "./mute-button";
import { PinnedMessagesButton } from "./pinned-messages-button";
import { statusOf } from "./message-status";
import { ThreadPanel } from "./thread-panel";
import { orderedMessages } from "./timeline-state";
import { TypingIndicator } from "./typing-indicator";
import { describeError } from "./send-errors";
import { useChatCache } from "./use-chat-cache";
import { useConversationTimeline } from "./use-conversation-timeline";
import { useTyping } from "./use-typing";

/** The open conversation: header with presence, messages, typing line and composer. Data lives in the hooks. */
export function ConversationView({ conversationId, focusSeq, threadOf: openThreadOf }: { conversationId: string; focusSeq: number | null; threadOf: string | null }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const toast = useToast();
  const cache = useChatCache();
  const { me, statusOf: presenceOf, hereCount } = useChatContext();
  const detail = useQuery(trpc.chat.get.queryOptions({ conversationId }));
  const members = useMemo(() => detail.data?.members ?? [], [detail.data]);
  const usersById = useMemo(() => new Map<string, ChatUser>(members.map((member) => [member.user.id, member.user])), [members]);
  const userById = useCallback((id: string) => usersById.get(id), [usersById]);

  const onSent = useCallback(
    (message: MessageView) =>
      cache.patchConversation(conversationId, (item) =>
        message.seq <= (item.lastMessage?.seq ?? 0)
          ? item
          : {
              ...item,
              lastSeq: Math.max(item.lastSeq, message.seq),
              lastReadSeq: Math.max(item.lastReadSeq, message.seq),
              unreadCount: Math.max(0, item.lastSeq - Math.max(item.lastReadSeq, message.seq)),
              lastActivityAt: message.createdAt,
              lastMessage: {
                id: message.id,
                seq: message.seq,
                senderId: message.senderId,
                senderName: message.sender.name,
                preview: message.body.slice(0, 200),
                deleted: false,
                attachmentCount: message.attachments.length,
                createdAt: message.createdAt,
              },
            },
      ),
    [cache, conversationId],
  );
  const timeline = useConversationTimeline({ conversationId, me, focusSeq, userById, onSent });
  const typing = useTyping(conversationId, me);
  const [replyTo, setReplyTo] = useState<MessageView | null>(null);
  /** The message whose thread is open beside the timeline. */
  const [threadOf, setThreadOf] = useState<string | null>(openThreadOf);
  const [atBottom, setAtBottom] = useState(true);
  const [announcement, setAnnouncement] = useState("");

  const messages = useMemo(() => orderedMessages(timeline.timeline), [timeline.timeline]);
  const others = useMemo(() => members.filter((member) => member.user.id !== me.id), [members, me.id]);
  const otherUsers = useMemo(() => others.map((member) => member.user), [others]);

  // "New messages" marks what was unread when the conversation opened: taken once (from the sidebar, or else the
  // conversation's first answer), so reading it, or messages arriving while it is open, never move the line.
  const [unreadAtOpen, setUnreadAtOpen] = useState(() => cache.readStateOf(conversationId));
  if (unreadAtOpen === null && detail.data) setUnreadAtOpen({ lastReadSeq: detail.data.lastReadSeq, lastSeq: detail.data.lastSeq });
  const newFromSeq = useMemo(() => {
    if (!unreadAtOpen || unreadAtOpen.lastReadSeq >= unreadAtOpen.lastSeq) return null;
    const first = messages.find((message) => message.seq > unreadAtOpen.lastReadSeq && message.seq <= unreadAtOpen.lastSeq && message.senderId !== me.id);
    return first?.seq ?? null;
  }, [unreadAtOpen, messages, me.id]);

  // New messages from others: stop their typing line and announce them to screen readers.
  const lastAnnounced = useRef(0);
  useEffect(() => {
    const newest = messages.at(-1);
    if (!newest || newest.seq <= lastAnnounced.current) return;
    const first = lastAnnounced.current === 0;
    lastAnnounced.current = newest.seq;
    if (newest.senderId === me.id || first) return;
    typing.stopped(newest.senderId);
    setAnnouncement(`New message from ${newest.sender.name}: ${newest.body.slice(0, 140)}`);
  }, [messages, me.id, typing]);

  // Read: the conversation is on screen, scrolled to the bottom, and we hold its newest messages.
  const [visible, setVisible] = useState(true);
  useEffect(() => {
    const update = () => setVisible(document.visibilityState === "visible");
    update();
    document.addEventListener("visibilitychange", update);
    return () => document.removeEventListener("visibilitychange", update);
  }, []);
  const readUpTo = useRef(0);
  const newestSeq = timeline.timeline.contiguousUpTo;
  useEffect(() => {
    if (!visible || !atBottom || timeline.timeline.hasNewer || newestSeq <= readUpTo.current || timeline.status.state !== "ready") return;
    readUpTo.current = newestSeq;
    cache.patchConversation(conversationId, (item) => ({ ...item, lastReadSeq: Math.max(item.lastReadSeq, newestSeq), unreadCount: Math.max(0, item.lastSeq - newestSeq) }));
    client.chat.markRead.mutate({ conversationId, seq: newestSeq }).catch((error: unknown) => {
      readUpTo.current = 0; // try again with the next message
      console.warn(`Could not mark the conversation read: ${describeError(error)}`);
    });
  }, [visible, atBottom, newestSeq, timeline.timeline.hasNewer, timeline.status.state, conversationId, client, cache]);

  const react = useMutation(trpc.chat.react.mutationOptions({ onSuccess: timeline.applyReaction }));
  const pin = useMutation(trpc.chat.pin.mutationOptions({ onSuccess: timeline.applyPinned }));
  const actions: MessageActions = {
    onReply: setReplyTo,
    onOpenThread: (message) => setThreadOf(message.id),
    onReact: (message, emoji) =>
      react.mutate({ messageId: message.id, emoji }, { onError: (error) => toast.show({ tone: "error", title: "Could not react", description: describeError(error) }) }),
    onEdit: async (message, body) => {
      try {
        timeline.applyEdited(await client.chat.edit.mutate({ messageId: message.id, body }));
      } catch (error) {
        toast.show({ tone: "error", title: "Could not edit the message", description: describeError(error) });
      }
    },
    onPin: (message, pinned) =>
      pin.mutate(
        { messageId: message.id, pinned },
        { onError: (error) => toast.show({ tone: "error", title: pinned ? "Could not pin the message" : "Could not unpin the message", description: describeError(error) }) },
      ),
    onDelete: async (message) => {
      try {
        timeline.applyDeleted(await client.chat.delete.mutate({ messageId: message.id }));
      } catch (error) {
        toast.show({ tone: "error", title: "Could not delete the message", description: describeError(error) });
      }
    },
  };

  const nameOf = (userId: string) => (userId === me.id ? "You" : (usersById.get(userId)?.name ?? "Someone"));
  const isGroup = detail.data?.kind === "group";
  const rows: ListRow[] = [
    ...messages.map((message) => {
      const mine = message.senderId === me.id;
      const receipt = mine ? statusOf(message.seq, others) : null;
      return {
        key: message.clientId ? `c-${message.clientId}` : `m-${message.id}`,
        senderId: message.senderId,
        createdAt: message.createdAt,
        seq: message.seq,
        render: (grouped: boolean) => (
          <MessageItem
            key={message.id}
            message={message}
            sender={message.sender}
            body={message.body}
            replyTo={message.replyTo}
            replyAuthor={message.replyTo ? nameOf(message.replyTo.senderId) : null}
            attachments={message.attachments}
            createdAt={message.createdAt}
            mine={mine}
            grouped={grouped}
            status={receipt?.status ?? null}
            readBy={receipt?.readBy ?? []}
            isGroup={isGroup}
            highlighted={message.seq === timeline.focusSeq}
            actions={actions}
          />
        ),
      };
    }),
    ...timeline.timeline.outgoing.map((message) => ({
      key: `c-${message.clientId}`,
      senderId: me.id,
      createdAt: message.createdAt,
      seq: null,
      render: (grouped: boolean) => (
        <MessageItem
          key={message.clientId}
          message={null}
          sender={me}
          body={message.body}
          replyTo={message.replyTo}
          replyAuthor={message.replyTo ? nameOf(message.replyTo.senderId) : null}
          attachments={message.attachments}
          createdAt={message.createdAt}
          mine
          grouped={grouped}
          status={message.state}
          readBy={[]}
          isGroup={isGroup}
          highlighted={false}
          actions={actions}
          error={message.error}
          onRetry={() => timeline.retry(message.clientId)}
          onDiscard={() => timeline.discard(message.clientId)}
        />
      ),
    })),
  ];

  if (detail.isError && !detail.data) {
    return (
      <div className="p-6">
        <Alert title="This conversation is not available">
          <p>{describeError(detail.error)}</p>
          {/* Not a member (or no such conversation) does not change with another try; on a phone this page is all there is. */}
          {detail.error.data?.code === "FORBIDDEN" ? (
            <Link href="/chat" className={buttonClasses({ size: "sm", variant: "secondary", className: "mt-2" })}>
              Back to your conversations
            </Link>
          ) : (
            <Button size="sm" variant="secondary" className="mt-2" onClick={() => void detail.refetch()}>
              Try again
            </Button>
          )}
        </Alert>
      </div>
    );
  }

  const other = detail.data?.otherMember ?? null;
  return (
    <div className="flex min-h-0 flex-1">
      <div className="flex min-h-0 min-w-0 flex-1 flex-col">
        {detail.data ? (
          <ConversationHeader
            conversation={detail.data}
            meId={me.id}
            otherStatus={other ? presenceOf(other.id) : null}
            hereCount={hereCount}
            actions={
              <>
                <PinnedMessagesButton conversationId={conversationId} me={me} />
                <MuteButton conversationId={conversationId} muted={detail.data.muted} />
                {detail.data.kind === "group" ? <GroupMembersButton conversation={detail.data} me={me} /> : null}
              </>
            }
          />
        ) : (
          <div className="flex items-center gap-3 border-b border-border px-3 py-2.5">
            <Skeleton className="size-10 rounded-full" />
            <Skeleton className="h-4 w-40" />
          </div>
        )}
        <ConnectionBanner queued={timeline.timeline.outgoing.filter((message) => message.state !== "failed").length} />
        {timeline.status.state === "loading" ? (
          <div role="status" aria-busy="true" aria-label="Loading messages" className="flex-1 space-y-4 p-4">
            <Skeleton className="h-10 w-2/3" />
            <Skeleton className="ml-auto h-10 w-1/2" />
            <Skeleton className="h-10 w-3/5" />
          </div>
        ) : timeline.status.state === "error" ? (
          <div className="flex-1 p-4">
            <Alert title="Could not load messages">
              <p>{timeline.status.error}</p>
              <Button size="sm" variant="secondary" className="mt-2" onClick={timeline.reload}>
                Try again
              </Button>
            </Alert>
          </div>
        ) : (
          <MessageList
            rows={rows}
            hasOlder={timeline.timeline.hasOlder}
            hasNewer={timeline.timeline.hasNewer}
            loadingOlder={timeline.loadingOlder}
            onLoadOlder={() => void timeline.loadOlder()}
            onJumpToLatest={timeline.jumpToLatest}
            onAtBottomChange={setAtBottom}
            focusSeq={timeline.focusSeq}
            newFromSeq={newFromSeq}
            announcement={announcement}
          />
        )}
        <TypingIndicator names={typing.typingNames} />
        <Composer
          conversationId={conversationId}
          recipientName={detail.data?.name ?? "conversation"}
          members={otherUsers}
          replyTo={replyTo}
          replyAuthor={replyTo ? nameOf(replyTo.senderId) : null}
          onCancelReply={() => setReplyTo(null)}
          onSend={timeline.send}
          onTyping={typing.announce}
        />
      </div>
      {threadOf ? <ThreadPanel key={threadOf} conversationId={conversationId} messageId={threadOf} me={me} onClose={() => setThreadOf(null)} /> : null}
    </div>
  );
}
