import { deleteLink } from "@/server/links/delete-link";
import { getLinkCache } from "@/server/links/link-cache";
import { handlePublicApi, requireUser } from "@/server/links/public-api";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";

/** DELETE /api/urls/{code} — owner only; 204, and the code answers 404 on every instance within a second. */
export const dynamic = "force-dynamic";

export async function DELETE(request: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> {
  const { code } = await params;
  return handlePublicApi(request, async (caller) => {
    await deleteLink({ db, cache: getLinkCache({ db, redis }), ownerId: requireUser(caller), code });
    return new Response(null, { status: 204 });
  });
}
