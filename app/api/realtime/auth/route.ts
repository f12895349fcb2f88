import { nextRoute } from "@/server/web/next-route";

/**
 * pusher-js asks here before subscribing to a private or presence channel
 * (server/realtime/channel-auth-route.ts); a row of server/web/routes.ts
 * (self-hosted, answered before Next).
 */
export const dynamic = "force-dynamic";

export const POST = nextRoute("POST", "/api/realtime/auth");
