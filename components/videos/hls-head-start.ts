import Hls from "hls.js/light";

/**
 * hls.js started on the watch page's server-rendered <video> before React has
 * hydrated the page. The player's own effect runs only once the whole watch
 * page has hydrated (100–400 ms of a busy main thread); this module runs as
 * hydration reaches the page (React evaluates a client component's module when
 * it first renders it), finds the <video> that carries its source
 * (`data-hls-src`, and `data-start-at` when resuming) and attaches hls.js to it
 * at once, so the playlists and the first segment (preloaded with the HTML) are
 * parsed and buffered while the rest of the page hydrates. Hydration keeps that
 * same element, and video-player.tsx adopts the instance in its effect.
 */

type HeadStart = { element: HTMLVideoElement; src: string; player: Hls; failed: boolean };

let headStart: HeadStart | null = null;

/** The player's hls.js: it starts with the lowest rendition, whose playlist and first segment the page preloaded (first-frame-files.ts); `startAt` null: from the start. */
export function createHls(startAt: number | null): Hls {
  return new Hls({ capLevelToPlayerSize: false, startLevel: 0, startPosition: startAt ?? -1 });
}

/**
 * The instance started on `element` for `src`, handed over once (React's strict
 * mode runs an effect twice: the second run starts its own), with whether it
 * has already failed for good. A head start on another element or source (the
 * page rendered differently than served) is discarded.
 */
export function adoptHeadStart(element: HTMLVideoElement, src: string): { player: Hls; failed: boolean } | null {
  const started = headStart;
  headStart = null;
  if (!started) return null;
  if (started.element === element && started.src === src) return { player: started.player, failed: started.failed };
  started.player.destroy();
  return null;
}

function startFromMarkup(): void {
  const element = document.querySelector<HTMLVideoElement>("video[data-hls-src]");
  const src = element?.dataset.hlsSrc;
  // Safari plays HLS itself: the player's effect gives it the source.
  if (!element || !src || !Hls.isSupported()) return;
  const startAt = element.dataset.startAt ? Number(element.dataset.startAt) : null;
  const player = createHls(startAt !== null && Number.isFinite(startAt) ? startAt : null);
  const started: HeadStart = { element, src, player, failed: false };
  player.on(Hls.Events.ERROR, (_event, data) => {
    if (data.fatal) started.failed = true;
  });
  player.loadSource(src);
  player.attachMedia(element);
  headStart = started;
}

if (typeof document !== "undefined") startFromMarkup();
