"use client";

import { useEffect, useRef, useState } from "react";
import { usePresenceMembers } from "@/components/realtime/realtime-provider";
import { conversationPresenceChannel, type PresenceInfo } from "./chat-types";

/** A heartbeat must be this much newer than someone's leaving to count as "online elsewhere". */
const BEAT_SLACK_MS = 2_000;

export type PresenceOf = (userId: string) => PresenceInfo;

/**
 * The one answer to "is this person here?" for every chat view (the sidebar's
 * dots and the open conversation's header alike, through ChatShell's context):
 * the open conversation's presence channel merged with the heartbeat-based
 * last seen. Someone on the channel is online; someone who just left it reads
 * offline ("last seen just now") unless a heartbeat newer than their leaving
 * shows them active elsewhere in the app; everyone else reads their heartbeat.
 */
export function useConversationPresence(
  conversationId: string | null,
  lastSeen: Map<string, PresenceInfo>,
  onChange: () => void,
): { hereCount: number; statusOf: PresenceOf } {
  const channel = conversationId ? conversationPresenceChannel(conversationId) : null;
  const members = usePresenceMembers(channel);
  const previous = useRef<{ channel: string | null; ids: string[] }>({ channel: null, ids: [] });
  const [leftAt, setLeftAt] = useState<Map<string, Date>>(new Map());

  useEffect(() => {
    if (!members) return;
    const before = previous.current;
    previous.current = { channel, ids: members };
    // Opening another conversation is not its members leaving the last one.
    if (before.channel !== channel) return;
    const gone = before.ids.filter((id) => !members.includes(id));
    if (gone.length === 0) return;
    setLeftAt((current) => {
      const next = new Map(current);
      for (const id of gone) next.set(id, new Date());
      return next;
    });
    onChange();
  }, [channel, members, onChange]);

  const statusOf: PresenceOf = (userId) => {
    const seen = lastSeen.get(userId);
    if (members?.includes(userId)) return { userId, status: "online", lastSeenAt: new Date() };
    const left = leftAt.get(userId);
    if (left && (!seen?.lastSeenAt || seen.lastSeenAt.getTime() < left.getTime() + BEAT_SLACK_MS)) return { userId, status: "offline", lastSeenAt: left };
    return seen ?? { userId, status: "offline", lastSeenAt: null };
  };

  return { hereCount: members?.length ?? 0, statusOf };
}
