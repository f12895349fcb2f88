import { handleShortenRequest } from "@/server/links/shorten-route";

/**
 * POST /api/shorten — public REST API (shapes in server/links/shorten-url.ts).
 * Self-hosted, server/web/main.ts answers it before Next with the same function.
 */
export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return handleShortenRequest(request);
}
