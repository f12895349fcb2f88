import { nextRoute } from "@/server/web/next-route";

/** POST — a driver's location update. A row of server/web/routes.ts (self-hosted, answered before Next). */
export const dynamic = "force-dynamic";

export const POST = nextRoute("POST", "/api/rides/location");
