/**
 * Runs in the browser once the app's scripts have loaded, before React
 * hydrates the page (Next's client instrumentation). The watch page's player
 * should not wait for hydration, which on a busy main thread takes hundreds of
 * milliseconds: when the page's server-rendered <video> is in place, hls.js
 * starts on it now (hls-head-start.ts), and the player adopts it when it hydrates.
 */
const WATCH_VIDEO = "video[data-hls-src]";

function startWatchPagePlayer(): void {
  const element = document.querySelector(WATCH_VIDEO);
  // Inside React's hidden streaming container the element is about to be moved, which would stop its loading.
  if (!element || element.closest("[hidden]")) return;
  void import("./components/videos/hls-head-start");
}

// The page's content may still be streaming in: then once the document is whole. Importing twice starts once.
startWatchPagePlayer();
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", startWatchPagePlayer, { once: true });
