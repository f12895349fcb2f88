import { serveChatFile } from "@/server/chat/attachments/serve-chat-file";
import { getSessionUser } from "@/server/platform/auth";
import { db } from "@/server/platform/db";
import { storage } from "@/server/platform/storage";

export const dynamic = "force-dynamic";

type RouteContext = { params: Promise<{ key: string[] }> };

/** Chat attachments and thumbnails, for members of their conversation only (server/chat/attachments/serve-chat-file.ts). */
export async function GET(request: Request, { params }: RouteContext): Promise<Response> {
  const key = (await params).key.join("/");
  const sessionUserId = async () => (await getSessionUser(request.headers))?.id ?? null;
  return serveChatFile({ db, storage, request, key, sessionUserId });
}

export const HEAD = GET;
