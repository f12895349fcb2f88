import { nextRoute } from "@/server/web/next-route";

/** DELETE /api/urls/{code} — owner only; a row of server/web/routes.ts. */
export const dynamic = "force-dynamic";

export const DELETE = nextRoute("DELETE", "/api/urls/:code");
