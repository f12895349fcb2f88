import { serveMedia } from "@/server/platform/serve-media";

export const dynamic = "force-dynamic";

type RouteContext = { params: Promise<{ key: string[] }> };

/** Stored files by key, under the one file-serving policy (server/platform/serve-object.ts). */
export async function GET(request: Request, { params }: RouteContext): Promise<Response> {
  return serveMedia(request, (await params).key.join("/"));
}

export const HEAD = GET;
