/**
 * Where the player was when its viewer left, to POST /api/videos/<id>/position
 * (server/videos/history/save-position-route.ts). A beacon is delivered after
 * the page is gone, where a tRPC call made while it unloads may be cancelled.
 * The body goes as text/plain: Chromium refuses a beacon with a JSON Blob.
 */
export function sendPositionBeacon(videoId: string, positionSeconds: number): void {
  const url = `/api/videos/${encodeURIComponent(videoId)}/position`;
  const body = JSON.stringify({ positionSeconds });
  if (navigator.sendBeacon(url, body)) return;
  // Refused (the browser's beacon quota is full): a keepalive fetch also outlives the page; a page that is gone has no one to tell of a failure.
  void fetch(url, { method: "POST", body, keepalive: true, headers: { "content-type": "text/plain" } }).catch(() => undefined);
}
