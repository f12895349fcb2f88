"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { VideoView } from "@/server/videos/video-view";

/** Seconds between the end of a video and the next one starting by itself. */
export const AUTOPLAY_SECONDS = 5;

/**
 * Shown when a video ends: "Up next in N s" with the next video's title,
 * counting down to `onPlay`; Cancel stops it (the viewer stays), Play now
 * skips the wait. Announced politely to screen readers.
 */
export function AutoplayCountdown({ next, onPlay, onCancel }: { next: VideoView; onPlay: () => void; onCancel: () => void }) {
  const [left, setLeft] = useState(AUTOPLAY_SECONDS);
  // The latest onPlay, called once at zero however often the parent renders meanwhile.
  const play = useRef(onPlay);
  useEffect(() => {
    play.current = onPlay;
  });
  useEffect(() => {
    if (left <= 0) {
      play.current();
      return;
    }
    const timer = setTimeout(() => setLeft((value) => value - 1), 1_000);
    return () => clearTimeout(timer);
  }, [left]);
  return (
    <div role="status" aria-live="polite" className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-border bg-surface p-4" data-testid="autoplay-countdown">
      <p className="min-w-0 text-sm text-fg">
        <span className="font-semibold">{`Up next in ${left} s: `}</span>
        <span className="text-muted">{next.title}</span>
      </p>
      <div className="flex gap-2">
        <Button variant="secondary" size="sm" onClick={onCancel}>
          Cancel
        </Button>
        <Button size="sm" onClick={onPlay}>
          Play now
        </Button>
      </div>
    </div>
  );
}
