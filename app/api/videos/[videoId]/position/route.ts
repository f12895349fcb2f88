import { nextRoute } from "@/server/web/next-route";

/**
 * POST /api/videos/<id>/position — where the player was when its viewer left
 * (navigator.sendBeacon, text/plain or application/json `{ positionSeconds }`,
 * 256 bytes at most). A row of server/web/routes.ts (self-hosted, answered before Next).
 */
export const dynamic = "force-dynamic";

export const POST = nextRoute("POST", "/api/videos/:videoId/position");
