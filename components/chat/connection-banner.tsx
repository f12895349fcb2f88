"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { useConnectionState } from "@/components/realtime/realtime-provider";

const SHOW_CONNECTING_AFTER_MS = 1_500;

/** Connection state above the messages: offline, reconnecting, or a slow first connect. Nothing while connected. */
export function ConnectionBanner({ queued }: { queued: number }) {
  const state = useConnectionState();
  // An open WebSocket can outlive the network for a while: the browser's own online flag counts too.
  const online = useSyncExternalStore(subscribeToOnline, () => navigator.onLine, () => true);
  const [everConnected, setEverConnected] = useState(false);
  if (state === "connected" && !everConnected) setEverConnected(true);
  // The state that has lasted long enough to mention (a quick connect shows nothing).
  const [settledState, setSettledState] = useState<string | null>(null);
  const slow = settledState === state;

  useEffect(() => {
    if (state === "connected") return;
    const timer = setTimeout(() => setSettledState(state), SHOW_CONNECTING_AFTER_MS);
    return () => clearTimeout(timer);
  }, [state]);

  let text: string | null = null;
  if (!online || state === "unavailable" || state === "failed" || state === "disconnected") text = "You are offline.";
  else if (state !== "connected" && slow) text = everConnected ? "Reconnecting…" : "Connecting…";
  const pending = queued > 0 ? ` ${queued === 1 ? "1 message" : `${queued} messages`} will be sent when you are back online.` : "";

  return (
    <div role="status" aria-live="polite">
      {text ? (
        <p className="border-b border-warning/40 bg-warning-soft px-4 py-2 text-sm text-warning">
          {text}
          {pending || " New messages will appear when the connection is back."}
        </p>
      ) : null}
    </div>
  );
}

function subscribeToOnline(notify: () => void): () => void {
  window.addEventListener("online", notify);
  window.addEventListener("offline", notify);
  return () => {
    window.removeEventListener("online", notify);
    window.removeEventListener("offline", notify);
  };
}
