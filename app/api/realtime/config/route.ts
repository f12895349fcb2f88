import { getClientRealtimeConfig } from "@/server/platform/realtime";

export const dynamic = "force-dynamic";

/**
 * The browser's pusher-js settings, read from the server's env at request time
 * (never baked into the bundle), so pointing PUSHER_* elsewhere needs no rebuild.
 */
export function GET(request: Request): Response {
  const config = getClientRealtimeConfig({ requestHostname: requestHostname(request) });
  return Response.json(config, { headers: { "Cache-Control": "no-store" } });
}

/** The host the browser used for the page (Host header), which a loopback-configured gateway is reached by too. */
function requestHostname(request: Request): string | undefined {
  const host = request.headers.get("host");
  try {
    return new URL(`http://${host ?? new URL(request.url).host}`).hostname;
  } catch {
    return undefined;
  }
}
