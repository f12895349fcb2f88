import { nextRoute } from "@/server/web/next-route";

/** GET /api/health (server/web/health-route.ts); self-hosted it is answered before Next. */
export const dynamic = "force-dynamic";

export const GET = nextRoute("GET", "/api/health");
