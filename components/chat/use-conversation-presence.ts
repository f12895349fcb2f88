"use client";

import { useEffect, useRef, useState } from "react";
import { usePresenceMembers } from "@/components/realtime/realtime-provider";
import { conversationPresenceChannel, type PresenceInfo } from "./chat-types";

/** A heartbeat must be this much newer than someone's leaving to count as "online elsewhere". */
const BEAT_SLACK_MS = 2_000;

/**
 * Who is here, from the conversation's presence channel, merged with the
 * heartbeat-based last seen: someone on the channel is online; someone who
 * just left reads offline ("last seen just now") unless a heartbeat newer
 * than their leaving shows them active elsewhere in the app.
 */
export function useConversationPresence(conversationId: string, lastSeen: Map<string, PresenceInfo>, onChange: () => void) {
  const members = usePresenceMembers(conversationPresenceChannel(conversationId));
  const previous = useRef<string[]>([]);
  const [leftAt, setLeftAt] = useState<Map<string, Date>>(new Map());

  useEffect(() => {
    if (!members) return;
    const gone = previous.current.filter((id) => !members.includes(id));
    previous.current = members;
    if (gone.length === 0) return;
    setLeftAt((current) => {
      const next = new Map(current);
      for (const id of gone) next.set(id, new Date());
      return next;
    });
    onChange();
  }, [members, onChange]);

  const statusOf = (userId: string): PresenceInfo => {
    const seen = lastSeen.get(userId);
    if (members?.includes(userId)) return { userId, status: "online", lastSeenAt: new Date() };
    const left = leftAt.get(userId);
    if (left && (!seen?.lastSeenAt || seen.lastSeenAt.getTime() < left.getTime() + BEAT_SLACK_MS)) return { userId, status: "offline", lastSeenAt: left };
    return seen ?? { userId, status: "offline", lastSeenAt: null };
  };

  return { hereCount: members?.length ?? 0, statusOf };
}
