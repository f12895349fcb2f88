import { nextRoute } from "@/server/web/next-route";

/** POST /api/shorten — public REST API; a row of server/web/routes.ts (self-hosted, answered before Next). */
export const dynamic = "force-dynamic";

export const POST = nextRoute("POST", "/api/shorten");
