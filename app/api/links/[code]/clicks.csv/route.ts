import { exportClicksCsv } from "@/server/links/export-clicks-csv";
import { handlePublicApi, requireUser } from "@/server/links/public-api";
import { db } from "@/server/platform/db";

/** GET /api/links/{code}/clicks.csv — the link's raw clicks, owner only (session or API key). */
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> {
  const { code } = await params;
  return handlePublicApi(request, async (caller) => {
    const { filename, stream } = await exportClicksCsv({ db, ownerId: requireUser(caller), code });
    return new Response(stream, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "no-store",
      },
    });
  });
}
