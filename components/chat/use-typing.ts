"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useChannelEvent, useClientEventSender } from "@/components/realtime/realtime-provider";
import { CHAT_EVENTS, conversationChannel, type ChatMe, type TypingEvent } from "./chat-types";

const SEND_EVERY_MS = 2_500;
const FORGET_AFTER_MS = 5_000;

/**
 * Typing indicators over client events on the conversation's private
 * channel: I announce at most every 2.5 s while typing; someone is shown as
 * typing until they stop (or 5 s pass without news, if their stop was lost).
 */
export function useTyping(conversationId: string, me: ChatMe) {
  const channel = conversationChannel(conversationId);
  const sendEvent = useClientEventSender(channel);
  const [typists, setTypists] = useState<Map<string, { name: string; until: number }>>(new Map());
  const lastSent = useRef(0);

  useChannelEvent<TypingEvent>(channel, CHAT_EVENTS.typing, (event) => {
    if (event.userId === me.id) return;
    setTypists((current) => {
      const next = new Map(current);
      if (event.typing) next.set(event.userId, { name: event.name, until: Date.now() + FORGET_AFTER_MS });
      else next.delete(event.userId);
      return next;
    });
  });

  /** Their message arrived: they are not typing it any more. */
  const stopped = useCallback((userId: string) => {
    setTypists((current) => {
      if (!current.has(userId)) return current;
      const next = new Map(current);
      next.delete(userId);
      return next;
    });
  }, []);

  useEffect(() => {
    if (typists.size === 0) return;
    const timer = setInterval(() => {
      const now = Date.now();
      setTypists((current) => new Map([...current].filter(([, typist]) => typist.until > now)));
    }, 1_000);
    return () => clearInterval(timer);
  }, [typists.size]);

  const announce = useCallback(
    (typing: boolean) => {
      const now = Date.now();
      if (typing && now - lastSent.current < SEND_EVERY_MS) return;
      if (!typing && lastSent.current === 0) return;
      // Only a delivered announcement starts the throttle: one sent before the subscription is ready is retried.
      if (sendEvent(CHAT_EVENTS.typing, { userId: me.id, name: me.name, typing } satisfies TypingEvent)) lastSent.current = typing ? now : 0;
    },
    [sendEvent, me.id, me.name],
  );

  return { typingNames: [...typists.values()].map((typist) => typist.name), announce, stopped };
}
