"use client";

import { useCallback, useEffect, useRef, type Dispatch, type RefObject } from "react";
import { useRealtimeReconnect, useSocketId } from "@/components/realtime/realtime-provider";
import type { ChatAttachment, MessageView, OutgoingMessage } from "./chat-types";
import { postMessage } from "./post-message";
import { classifySendError } from "./send-errors";
import type { Timeline, TimelineAction } from "./timeline-state";

export type Draft = { body: string; replyTo: MessageView | null; attachments: ChatAttachment[] };

/**
 * The outbox of my messages in one conversation: sent one at a time in the
 * order written, kept (queued) while offline or while the server asks to wait,
 * sent again on reconnect or when the browser is back online; a message the
 * server refuses is marked failed, for the person to retry or discard.
 */
export function useMessageOutbox({
  conversationId,
  timeline: current,
  dispatch,
  onSent,
  beforeSend,
}: {
  conversationId: string;
  /** The latest timeline state (async work may run before a render). */
  timeline: RefObject<Timeline>;
  dispatch: Dispatch<TimelineAction>;
  onSent: (message: MessageView) => void;
  beforeSend: () => void;
}) {
  const socketId = useSocketId();
  const outbox = useRef<OutgoingMessage[]>([]);
  const sentListener = useRef(onSent);
  useEffect(() => {
    sentListener.current = onSent;
  }, [onSent]);
  const flushing = useRef(false);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(async () => {
    if (flushing.current) return;
    flushing.current = true;
    clearTimeout(retryTimer.current);
    try {
      for (let next = outbox.current[0]; next; next = outbox.current[0]) {
        dispatch({ type: "outgoing-state", clientId: next.clientId, state: "sending" });
        try {
          const message = await postMessage({
            conversationId: next.conversationId,
            clientId: next.clientId,
            body: next.body,
            replyToId: next.replyTo?.id ?? null,
            attachments: next.attachments.map(({ key, name, thumbKey, width, height }) => ({ key, name, thumbKey, width, height })),
            socketId: socketId(),
          });
          outbox.current.shift();
          dispatch({ type: "upsert", messages: [message] });
          sentListener.current(message);
        } catch (error) {
          const verdict = classifySendError(error);
          if (verdict.kind === "retry") {
            // Keep it (and everything after it) queued, in order; try again soon or on reconnect.
            dispatch({ type: "outgoing-state", clientId: next.clientId, state: "queued" });
            retryTimer.current = setTimeout(() => void flush(), verdict.delayMs);
            return;
          }
          outbox.current.shift();
          dispatch({ type: "outgoing-state", clientId: next.clientId, state: "failed", error: verdict.message });
        }
      }
    } finally {
      flushing.current = false;
    }
  }, [socketId, dispatch]);

  useEffect(() => () => clearTimeout(retryTimer.current), []);
  useEffect(() => {
    const onOnline = () => void flush();
    window.addEventListener("online", onOnline);
    return () => window.removeEventListener("online", onOnline);
  }, [flush]);

  useRealtimeReconnect(() => void flush());

  const send = useCallback(
    (draft: Draft) => {
      const message: OutgoingMessage = {
        clientId: crypto.randomUUID(),
        conversationId,
        body: draft.body,
        replyTo: draft.replyTo
          ? { id: draft.replyTo.id, seq: draft.replyTo.seq, senderId: draft.replyTo.senderId, preview: draft.replyTo.body.slice(0, 200), deleted: false }
          : null,
        attachments: draft.attachments,
        createdAt: new Date(),
        state: "queued",
      };
      outbox.current.push(message);
      dispatch({ type: "outgoing", message });
      beforeSend();
      void flush();
    },
    [conversationId, flush, beforeSend, dispatch],
  );

  const retry = useCallback(
    (clientId: string) => {
      const failed = current.current.outgoing.find((message) => message.clientId === clientId);
      if (!failed) return;
      outbox.current.push({ ...failed, state: "queued" });
      dispatch({ type: "outgoing-state", clientId, state: "queued" });
      void flush();
    },
    [current, dispatch, flush],
  );

  return { send, retry };
}
