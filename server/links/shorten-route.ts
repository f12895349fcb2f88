import { db } from "@/server/platform/db";
import { hotPathRedis } from "./hot-path-redis";
import { getLinkCache } from "./link-cache";
import { handlePublicApi, readJsonBody } from "./public-api";
import { shortenUrl } from "./shorten-url";

export const MAX_BODY_BYTES = 16 * 1024;

/**
 * POST /api/shorten as a plain Request → Response function, so the Next route
 * (app/api/shorten/route.ts, Vercel) and the self-hosted fast listener
 * (server/links/fast-path.ts) run the same code. Self-hosted, Next's route
 * machinery alone capped this at ~300 creates/s on the 2-core bench machine.
 */
export function handleShortenRequest(request: Request): Promise<Response> {
  return handlePublicApi(request, async (caller) => {
    const body = await readJsonBody(request, MAX_BODY_BYTES);
    const created = await shortenUrl({ db, cache: getLinkCache({ db, redis: hotPathRedis() }), ownerId: caller.userId, body });
    return Response.json(created, { status: 201 });
  });
}
