import { nextRoute } from "@/server/web/next-route";

/**
 * /{code}: the short-link redirect (server/links/redirect/redirect-route.ts), a row of
 * server/web/routes.ts. Self-hosted, the listener answers existing codes
 * before Next and only misses reach this route, which answers the friendly
 * 404 page; on Vercel it answers them all.
 */
export const dynamic = "force-dynamic";

export const GET = nextRoute("GET", "/:code");
export const HEAD = nextRoute("HEAD", "/:code");
export const POST = nextRoute("POST", "/:code");
