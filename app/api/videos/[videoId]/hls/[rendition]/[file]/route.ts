import { nextRoute } from "@/server/web/next-route";

export const dynamic = "force-dynamic";

/** A rendition's media playlist or segment (server/videos/serve-video-file.ts). Self-hosted, answered before Next. */
export const GET = nextRoute("GET", "/api/videos/:videoId/hls/:rendition/:file");
export const HEAD = nextRoute("HEAD", "/api/videos/:videoId/hls/:rendition/:file");
