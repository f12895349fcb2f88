import { nextRoute } from "@/server/web/next-route";

export const dynamic = "force-dynamic";

/** tus: offset, append, cancel (server/videos/upload-route.ts). Self-hosted, answered before Next (server/web/listener.ts). */
export const HEAD = nextRoute("HEAD", "/api/videos/uploads/:uploadId");
export const PATCH = nextRoute("PATCH", "/api/videos/uploads/:uploadId");
export const DELETE = nextRoute("DELETE", "/api/videos/uploads/:uploadId");
