"use client";

import { useEffect, useRef, useState, type PointerEvent, type RefObject } from "react";
import { parseStoryboard, tileAt, type StoryboardTile } from "./storyboard-tiles";
import { formatDuration } from "./video-format";

/**
 * A seek bar under the player with previews: hovering it (mouse) or dragging
 * along it (mouse, pen or finger) shows the storyboard's frame for that
 * moment and its time above the bar. It is a range input, so the keyboard
 * seeks with it too. Without a storyboard (a video transcoded before they
 * were made) it still seeks, showing the time alone.
 */
export function SeekBar({ videoRef, storyboardUrl }: { videoRef: RefObject<HTMLVideoElement | null>; storyboardUrl: string | null }) {
  const [duration, setDuration] = useState(0);
  const [current, setCurrent] = useState(0);
  const [previewAt, setPreviewAt] = useState<number | null>(null);
  const [tiles, setTiles] = useState<StoryboardTile[]>([]);
  const scrubbing = useRef(false);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    const sync = () => {
      setDuration(Number.isFinite(video.duration) ? video.duration : 0);
      setCurrent(video.currentTime);
    };
    sync();
    const events = ["durationchange", "loadedmetadata", "timeupdate", "seeked"] as const;
    for (const event of events) video.addEventListener(event, sync);
    return () => {
      for (const event of events) video.removeEventListener(event, sync);
    };
  }, [videoRef]);

  useEffect(() => {
    if (!storyboardUrl) return;
    let cancelled = false;
    const url = new URL(storyboardUrl, window.location.href).toString();
    fetch(url)
      .then((response) => (response.ok ? response.text() : ""))
      .then((text) => {
        if (!cancelled) setTiles(parseStoryboard(text, url));
      })
      // Previews are a help, not the player: without them the bar still seeks and shows the time.
      .catch(() => setTiles([]));
    return () => {
      cancelled = true;
    };
  }, [storyboardUrl]);

  const secondsAt = (event: PointerEvent<HTMLInputElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return (Math.max(0, Math.min(1, (event.clientX - rect.left) / rect.width)) || 0) * duration;
  };
  const onPointerMove = (event: PointerEvent<HTMLInputElement>) => {
    // A finger previews only while it drags; a mouse on hover as well.
    if (event.pointerType === "mouse" || scrubbing.current) setPreviewAt(secondsAt(event));
  };
  const endScrub = (event: PointerEvent<HTMLInputElement>) => {
    scrubbing.current = false;
    if (event.pointerType !== "mouse") setPreviewAt(null);
  };
  const seek = (seconds: number) => {
    setCurrent(seconds);
    if (scrubbing.current) setPreviewAt(seconds);
    if (videoRef.current) videoRef.current.currentTime = seconds;
  };

  const tile = previewAt === null ? null : tileAt(tiles, previewAt);
  const boxWidth = tile?.width ?? 64;
  // Centred over the pointer, kept inside the bar.
  const percent = previewAt === null || duration === 0 ? 0 : (previewAt / duration) * 100;
  const left = `clamp(0px, calc(${percent}% - ${boxWidth / 2}px), calc(100% - ${boxWidth}px))`;

  return (
    <div className="relative pt-1">
      {previewAt !== null && duration > 0 ? (
        <div data-testid="seek-preview" className="pointer-events-none absolute bottom-full z-10 mb-2 overflow-hidden rounded-md border border-border bg-black shadow-lg" style={{ left, width: boxWidth }}>
          {tile ? (
            <div
              data-testid="seek-preview-image"
              style={{ width: tile.width, height: tile.height, backgroundImage: `url("${tile.image}")`, backgroundPosition: `-${tile.x}px -${tile.y}px`, backgroundRepeat: "no-repeat" }}
            />
          ) : null}
          <p className="bg-black/80 py-0.5 text-center text-xs font-medium text-white tabular-nums">{formatDuration(previewAt)}</p>
        </div>
      ) : null}
      <input
        type="range"
        min={0}
        max={duration || 0}
        step={0.1}
        value={Math.min(current, duration || 0)}
        disabled={duration === 0}
        aria-label="Seek"
        aria-valuetext={`${formatDuration(current)} of ${formatDuration(duration)}`}
        onChange={(event) => seek(Number(event.target.value))}
        onPointerDown={(event) => {
          scrubbing.current = true;
          setPreviewAt(secondsAt(event));
        }}
        onPointerMove={onPointerMove}
        onPointerUp={endScrub}
        onPointerCancel={endScrub}
        onPointerLeave={(event) => {
          if (event.pointerType === "mouse" && !scrubbing.current) setPreviewAt(null);
        }}
        className="block w-full cursor-pointer accent-accent disabled:cursor-default"
      />
    </div>
  );
}
