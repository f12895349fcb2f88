"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";
import type { PresenceInfo } from "./chat-types";

const REFRESH_MS = 30_000;

/** Online / away / offline and last seen for these people, refreshed at the heartbeat's pace. */
export function useLastSeen(userIds: string[]): { byId: Map<string, PresenceInfo>; refetch: () => void } {
  const trpc = useTRPC();
  const ids = [...new Set(userIds)].sort().slice(0, 200);
  const query = useQuery(trpc.chat.lastSeen.queryOptions({ userIds: ids }, { enabled: ids.length > 0, refetchInterval: REFRESH_MS }));
  const byId = new Map((query.data ?? []).map((info) => [info.userId, info]));
  return { byId, refetch: () => void query.refetch() };
}
