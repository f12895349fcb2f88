import { answerShortLinkRequest } from "@/server/links/redirect-route";

/**
 * GET /{code}: the short-link redirect when deployed on Vercel. Self-hosted,
 * server/web/main.ts answers existing codes before Next and only misses reach
 * this route (which then answers the friendly 404 page).
 */
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ code: string }> };

async function handle(request: Request, { params }: Context): Promise<Response> {
  const { code } = await params;
  return answerShortLinkRequest(request, code);
}

export { handle as GET, handle as HEAD, handle as POST };
