"use client";

import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { useChannelEvent } from "@/components/realtime/realtime-provider";
import { useTRPCClient } from "@/components/trpc/client";
import {
  CHAT_EVENTS,
  conversationChannel,
  type ChatMe,
  type ChatUser,
  type MessageDeletedEvent,
  type MessageEditedEvent,
  type MessageEnvelope,
  type MessagePinnedEvent,
  type MessageView,
  type ReactionEvent,
  type ThreadReplyEvent,
  type MessageLinkPreviewEvent,
} from "./chat-types";
import { fetchHistoryAfter } from "./fetch-history-after";
import { describeError } from "./send-errors";
import { EMPTY_TIMELINE, envelopeIsComplete, timelineReducer, type Timeline } from "./timeline-state";
import { useMessageOutbox } from "./use-message-outbox";

const PAGE_SIZE = 30;
const CATCH_UP_PAGE = 50;
/** Events may arrive slightly out of seq order under concurrent sends: give a hole this long to close by itself. */
const GAP_GRACE_MS = 250;
/** A failed catch-up tries again after 0.5, 1, 2, 4 and 8 s. */
const MAX_CATCH_UP_RETRIES = 5;

/**
 * Everything a conversation view knows about its messages, and the only place
 * that talks to the server about them: the initial page (newest, or around a
 * search hit), older pages, live events, gap filling and catch-up after a
 * reconnect; my own messages go through its outbox (use-message-outbox.ts).
 */
export function useConversationTimeline({
  conversationId,
  me,
  focusSeq,
  userById,
  onSent,
}: {
  conversationId: string;
  me: ChatMe;
  focusSeq: number | null;
  userById: (id: string) => ChatUser | undefined;
  /** My own socket gets no `message` event for my sends: this is where the sidebar hears of them. */
  onSent: (message: MessageView) => void;
}) {
  const client = useTRPCClient();
  const [timeline, dispatch] = useReducer(timelineReducer, EMPTY_TIMELINE);
  const [status, setStatus] = useState<{ state: "loading" | "ready" | "error"; error?: string }>({ state: "loading" });
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [loadKey, setLoadKey] = useState(0);
  /** The search hit the first page is centred on, until "Jump to latest" trades it for the newest page. */
  const [around, setAround] = useState(focusSeq);

  // Async work reads the latest state through this ref (a render may not have happened yet).
  const current = useRef<Timeline>(timeline);
  useEffect(() => {
    current.current = timeline;
  }, [timeline]);

  // --- loading ---------------------------------------------------------------------------------
  /** A first page is in: from then on a (re)subscription catches up from it. */
  const loaded = useRef(false);
  useEffect(() => {
    let active = true;
    loaded.current = false;
    const request = around !== null ? { conversationId, around, limit: PAGE_SIZE } : { conversationId, limit: PAGE_SIZE };
    client.chat.history.query(request).then(
      (page) => {
        if (!active) return;
        loaded.current = true;
        dispatch({ type: "page", mode: "replace", messages: page.messages, hasOlder: page.hasOlder, hasNewer: page.hasNewer });
        setStatus({ state: "ready" });
      },
      (error: unknown) => active && setStatus({ state: "error", error: describeError(error) }),
    );
    return () => {
      active = false;
    };
  }, [client, conversationId, around, loadKey]);

  const loadOlder = useCallback(async () => {
    const first = [...current.current.bySeq.keys()].reduce((min, seq) => Math.min(min, seq), Number.POSITIVE_INFINITY);
    if (loadingOlder || !current.current.hasOlder || !Number.isFinite(first)) return;
    setLoadingOlder(true);
    try {
      const page = await client.chat.history.query({ conversationId, before: first, limit: PAGE_SIZE });
      dispatch({ type: "page", mode: "older", messages: page.messages, hasOlder: page.hasOlder, hasNewer: page.hasNewer });
    } catch (error) {
      console.warn(`Could not load older messages: ${describeError(error)}`);
    } finally {
      setLoadingOlder(false);
    }
  }, [client, conversationId, loadingOlder]);

  /** Fetches everything after the last seq without a hole: fills gaps, catches up after a reconnect, or pages down. */
  const catchingUp = useRef(false);
  const catchUpFailures = useRef(0);
  const catchUpRetry = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const catchUp = useCallback(async () => {
    if (catchingUp.current) return;
    catchingUp.current = true;
    try {
      let after = current.current.contiguousUpTo;
      for (;;) {
        const page = await fetchHistoryAfter(conversationId, after, CATCH_UP_PAGE);
        dispatch({ type: "page", mode: "newer", messages: page.messages, hasOlder: page.hasOlder, hasNewer: page.hasNewer });
        const last = page.messages.at(-1)?.seq;
        if (!page.hasNewer || last === undefined) break;
        after = last;
      }
      catchUpFailures.current = 0;
    } catch (error) {
      console.warn(`Could not fetch missed messages: ${describeError(error)}`);
      // Nothing else would ask again until another event arrives (e.g. a busy server right after a restart).
      if (catchUpFailures.current < MAX_CATCH_UP_RETRIES && !catchUpRetry.current) {
        const delay = 500 * 2 ** catchUpFailures.current++;
        catchUpRetry.current = setTimeout(() => {
          catchUpRetry.current = undefined;
          void catchUpRef.current();
        }, delay);
      }
    } finally {
      catchingUp.current = false;
    }
  }, [conversationId]);
  const catchUpRef = useRef(catchUp);
  useEffect(() => {
    catchUpRef.current = catchUp;
  }, [catchUp]);
  useEffect(() => () => clearTimeout(catchUpRetry.current), [conversationId]);

  // A hole (seq > last + 1) is filled from history once it has had a moment to close on its own.
  const hasGap = timeline.maxSeq > timeline.contiguousUpTo;
  useEffect(() => {
    if (!hasGap || timeline.hasNewer) return;
    const timer = setTimeout(() => void catchUp(), GAP_GRACE_MS);
    return () => clearTimeout(timer);
  }, [hasGap, timeline.hasNewer, timeline.contiguousUpTo, catchUp]);

  const jumpToLatest = useCallback(() => {
    if (!current.current.hasNewer) return;
    setStatus({ state: "loading" });
    setAround(null);
    setLoadKey((key) => key + 1);
  }, []);

  // --- live events -----------------------------------------------------------------------------
  const channel = conversationChannel(conversationId);
  const fetchOne = useCallback(
    async (seq: number) => {
      try {
        const page = await client.chat.history.query({ conversationId, after: seq - 1, limit: 1 });
        dispatch({ type: "upsert", messages: page.messages.filter((message) => message.seq === seq) });
      } catch (error) {
        console.warn(`Could not refresh a message: ${describeError(error)}`);
      }
    },
    [client, conversationId],
  );

  useChannelEvent<MessageEnvelope>(channel, CHAT_EVENTS.message, (envelope) => {
    if (current.current.hasNewer || current.current.bySeq.has(envelope.seq)) return;
    if (envelopeIsComplete(envelope)) {
      const sender = userById(envelope.senderId) ?? { id: envelope.senderId, name: envelope.senderName, username: null, image: null };
      dispatch({ type: "envelope", envelope, sender });
    } else if (envelope.seq === current.current.contiguousUpTo + 1) {
      void fetchOne(envelope.seq);
    } else {
      void catchUp();
    }
  });
  useChannelEvent<MessageEditedEvent>(channel, CHAT_EVENTS.messageEdited, (event) => {
    if (event.truncated) void fetchOne(event.seq);
    else dispatch({ type: "edited", seq: event.seq, body: event.preview, editedAt: new Date(event.editedAt), linkPreview: event.linkPreview });
  });
  useChannelEvent<MessageDeletedEvent>(channel, CHAT_EVENTS.messageDeleted, (event) =>
    dispatch({ type: "deleted", seq: event.seq, deletedAt: new Date(event.deletedAt) }),
  );
  useChannelEvent<ReactionEvent>(channel, CHAT_EVENTS.reaction, (event) => dispatch({ type: "reaction", event, myId: me.id }));
  useChannelEvent<MessagePinnedEvent>(channel, CHAT_EVENTS.messagePinned, (event) => dispatch({ type: "pinned", seq: event.seq, pinned: event.pinned }));
  useChannelEvent<MessageLinkPreviewEvent>(channel, CHAT_EVENTS.messageLinkPreview, (event) =>
    dispatch({ type: "link-preview", seq: event.seq, linkPreview: event.linkPreview }),
  );
  useChannelEvent<ThreadReplyEvent>(channel, CHAT_EVENTS.threadReply, (event) =>
    dispatch({ type: "thread", seq: event.parentSeq, threadReplyCount: event.threadReplyCount, threadLastReplyAt: new Date(event.threadLastReplyAt) }),
  );

  // Catch up when the channel is subscribed (again), not when the socket is back: until the gateway has the new
  // subscription, messages go past this tab unseen, and a catch-up run at "connected" could finish before them.
  useChannelEvent(channel, "pusher:subscription_succeeded", () => {
    if (loaded.current && !current.current.hasNewer) void catchUp();
  });

  // A message I send belongs at the bottom: leave a search hit's window for the newest page first.
  const leaveSearchWindow = useCallback(() => {
    if (current.current.hasNewer) jumpToLatest();
  }, [jumpToLatest]);
  const { send, retry } = useMessageOutbox({ conversationId, timeline: current, dispatch, onSent, beforeSend: leaveSearchWindow });
  const discard = useCallback((clientId: string) => dispatch({ type: "outgoing-discard", clientId }), []);
  // The answers of edit / delete / react, applied at once rather than waiting for our own event.
  const applyEdited = useCallback((message: MessageView) => dispatch({ type: "upsert", messages: [message] }), []);
  const applyDeleted = useCallback((event: MessageDeletedEvent) => dispatch({ type: "deleted", seq: event.seq, deletedAt: new Date(event.deletedAt) }), []);
  const applyReaction = useCallback((event: ReactionEvent) => dispatch({ type: "reaction", event, myId: me.id }), [me.id]);
  const applyPinned = useCallback((event: MessagePinnedEvent) => dispatch({ type: "pinned", seq: event.seq, pinned: event.pinned }), []);
  const reload = useCallback(() => {
    setStatus({ state: "loading" });
    setLoadKey((key) => key + 1);
  }, []);

  return { timeline, focusSeq: around, status, loadingOlder, loadOlder, jumpToLatest, send, retry, discard, applyEdited, applyDeleted, applyReaction, applyPinned, reload };
}
