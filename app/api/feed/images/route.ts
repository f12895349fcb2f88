import { nextRoute } from "@/server/web/next-route";

/**
 * POST /api/feed/images — signed in; the raw picture as the body (5 MB at
 * most). Answers 201 `{ id, url, width, height }`; `feed.posts.create` takes
 * the id. A row of server/web/routes.ts.
 */
export const dynamic = "force-dynamic";

export const POST = nextRoute("POST", "/api/feed/images");
