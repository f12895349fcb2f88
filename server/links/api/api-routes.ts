import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { json, parseJson, type Answer } from "@/server/web/answer";
import type { WebRequest } from "@/server/web/request";
import { deleteLink } from "../manage/delete-link";
import { exportClicksCsv } from "../analytics/export-clicks-csv";
import { getPublicLinkStats } from "../analytics/get-public-link-stats";
import { hotPathRedis } from "../hot-path-redis";
import { getLinkCache } from "../redirect/link-cache";
import { handlePublicApi, requireUser } from "./public-api";
import { shortLinkOriginFor } from "../short-url";
import { shortenUrl } from "./shorten-url";

/** Links' public REST API, rows of the route table (server/web/routes.ts); callers and errors in ./public-api.ts. */

export const MAX_BODY_BYTES = 16 * 1024;

/**
 * POST /api/shorten (shapes in ./shorten-url.ts). Self-hosted, the listener
 * answers it before Next: Next's route machinery alone capped it at ~300
 * creates/s on the 2-core bench machine.
 */
export function shortenRoute(request: WebRequest): Promise<Answer> {
  return handlePublicApi(request, async (caller) => {
    const body = parseJson(await request.readBody(MAX_BODY_BYTES));
    // The short URL points where the caller reached us (no Headers object built on this hot path).
    const origin = shortLinkOriginFor({ get: (name) => request.header(name) ?? null });
    const created = await shortenUrl({ db, cache: getLinkCache({ db, redis: hotPathRedis() }), ownerId: caller.userId, body, origin });
    return json(201, created);
  });
}

/** GET /api/stats/{code} — owner only (API key or session). */
export function linkStatsRoute(request: WebRequest): Promise<Answer> {
  return handlePublicApi(request, async (caller) => json(200, await getPublicLinkStats({ db, ownerId: requireUser(caller), code: request.params.code ?? "" })));
}

/** DELETE /api/urls/{code} — owner only; 204, and the code answers 404 on every instance within a second. */
export function deleteLinkRoute(request: WebRequest): Promise<Answer> {
  return handlePublicApi(request, async (caller) => {
    await deleteLink({ db, cache: getLinkCache({ db, redis }), ownerId: requireUser(caller), code: request.params.code ?? "" });
    return { status: 204 };
  });
}

/** GET /api/links/{code}/clicks.csv — the link's raw clicks, owner only (session or API key). */
export function exportClicksRoute(request: WebRequest): Promise<Answer> {
  return handlePublicApi(request, async (caller) => {
    const { filename, stream } = await exportClicksCsv({ db, ownerId: requireUser(caller), code: request.params.code ?? "" });
    return {
      status: 200,
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-store" },
      body: stream,
    };
  });
}
