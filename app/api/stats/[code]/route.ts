import { getPublicLinkStats } from "@/server/links/get-public-link-stats";
import { handlePublicApi, requireUser } from "@/server/links/public-api";
import { db } from "@/server/platform/db";

/** GET /api/stats/{code} — owner only (API key or session). */
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> {
  const { code } = await params;
  return handlePublicApi(request, async (caller) =>
    Response.json(await getPublicLinkStats({ db, ownerId: requireUser(caller), code }), { headers: { "Cache-Control": "no-store" } }),
  );
}
