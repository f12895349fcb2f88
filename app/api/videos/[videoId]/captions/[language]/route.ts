import { nextRoute } from "@/server/web/next-route";

/**
 * POST /api/videos/<id>/captions/<language> — the video's owner; a WebVTT or
 * SubRip file as the body (VIDEO_CAPTION_MAX_BYTES, 512 KB). Answers 201
 * `{ language, url }`; the same language again replaces it. A row of server/web/routes.ts.
 */
export const dynamic = "force-dynamic";

export const POST = nextRoute("POST", "/api/videos/:videoId/captions/:language");
