import { nextRoute } from "@/server/web/next-route";

/** pusher-js's signin() asks here once per connection (server/realtime/user-auth-route.ts); a row of server/web/routes.ts. */
export const dynamic = "force-dynamic";

export const POST = nextRoute("POST", "/api/realtime/user-auth");
