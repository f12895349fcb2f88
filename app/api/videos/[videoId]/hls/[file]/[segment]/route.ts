import { nextRoute } from "@/server/web/next-route";

export const dynamic = "force-dynamic";

/**
 * A rendition's media playlist or segment (server/videos/serve-video-file.ts). Self-hosted, answered before Next.
 * The folders say [file]/[segment] because Next wants one name per dynamic level (the master playlist's is
 * [file]); the handler reads the path with the row's own pattern, :rendition/:file.
 */
export const GET = nextRoute("GET", "/api/videos/:videoId/hls/:rendition/:file");
export const HEAD = nextRoute("HEAD", "/api/videos/:videoId/hls/:rendition/:file");
