import { nextRoute } from "@/server/web/next-route";

/** GET /api/links/{code}/clicks.csv — the link's raw clicks, owner only; a row of server/web/routes.ts. */
export const dynamic = "force-dynamic";

export const GET = nextRoute("GET", "/api/links/:code/clicks.csv");
