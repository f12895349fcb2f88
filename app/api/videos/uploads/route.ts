import { nextRoute } from "@/server/web/next-route";

export const dynamic = "force-dynamic";

/** tus: create an upload (server/videos/upload-route.ts). Self-hosted, answered before Next (server/web/listener.ts). */
export const POST = nextRoute("POST", "/api/videos/uploads");
