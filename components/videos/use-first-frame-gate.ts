"use client";

import { useCallback, useEffect, useState } from "react";

/** The longest the watch page holds its other parts back for the picture (a slow or failing video must not hide them). */
const FIRST_FRAME_WAIT_MS = 2_000;

/**
 * Whether the watch page's secondary parts (comments, up next, the seek bar's
 * storyboard) may load yet: from the player's first frame on, or after
 * FIRST_FRAME_WAIT_MS at most. Until then the network, the server and the main
 * thread go to the playlists and the first segment (bench:video measured the
 * comments, up next and storyboard requests landing inside the first frame's
 * window). `firstFrame` is the player's report.
 */
export function useFirstFrameGate(): { open: boolean; firstFrame: () => void } {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setOpen(true), FIRST_FRAME_WAIT_MS);
    return () => clearTimeout(timer);
  }, []);
  const firstFrame = useCallback(() => setOpen(true), []);
  return { open, firstFrame };
}
