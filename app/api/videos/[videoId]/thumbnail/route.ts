import { nextRoute } from "@/server/web/next-route";

/**
 * POST /api/videos/<id>/thumbnail — the video's owner; the raw picture as the
 * body (VIDEO_THUMBNAIL_MAX_BYTES, 2 MB). Answers 201 `{ thumbnail, url }`: it
 * is the video's thumbnail from then on. A row of server/web/routes.ts.
 */
export const dynamic = "force-dynamic";

export const POST = nextRoute("POST", "/api/videos/:videoId/thumbnail");
