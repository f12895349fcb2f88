import { nextRoute } from "@/server/web/next-route";

/** GET /api/stats/{code} — owner only (API key or session); a row of server/web/routes.ts. */
export const dynamic = "force-dynamic";

export const GET = nextRoute("GET", "/api/stats/:code");
