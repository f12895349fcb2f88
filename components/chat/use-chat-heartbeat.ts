"use client";

import { useEffect } from "react";
import { useTRPCClient } from "@/components/trpc/client";

const HEARTBEAT_MS = 30_000;

/** Tells the server I am here every 30 s while a chat page is open, and "away" while the tab is hidden. */
export function useChatHeartbeat(): void {
  const client = useTRPCClient();
  useEffect(() => {
    const beat = () => {
      client.chat.heartbeat.mutate({ away: document.visibilityState === "hidden" }).catch(() => {
        // Offline or restarting: the next beat will do; presence just reads "last seen" meanwhile.
      });
    };
    beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    document.addEventListener("visibilitychange", beat);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", beat);
    };
  }, [client]);
}
