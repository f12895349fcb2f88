import { nextRoute } from "@/server/web/next-route";

/** POST /api/accounts/avatar — the raw image as the body; answers `{ image }` (the new avatar URL). A row of server/web/routes.ts. */
export const dynamic = "force-dynamic";

export const POST = nextRoute("POST", "/api/accounts/avatar");
