import { serveChatFile } from "@/server/chat/serve-chat-file";
import { AppError, errorBody, toAppError } from "@/server/errors";
import { getSessionUser } from "@/server/platform/auth";
import { db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import { storage } from "@/server/platform/storage";

export const dynamic = "force-dynamic";

type RouteContext = { params: Promise<{ key: string[] }> };

/**
 * GET/HEAD /api/chat/files/chat/<conversationId>/…[?download=1&name=…]
 * Chat attachments and thumbnails for members of their conversation only
 * (storage's owner-only rule cannot express "members of"), with Range support.
 */
export function GET(request: Request, context: RouteContext): Promise<Response> {
  return serve(request, context, true);
}

export function HEAD(request: Request, context: RouteContext): Promise<Response> {
  return serve(request, context, false);
}

async function serve(request: Request, { params }: RouteContext, withBody: boolean): Promise<Response> {
  try {
    const user = await getSessionUser(request.headers);
    if (!user) throw new AppError("UNAUTHORIZED", "Sign in to view this file.");
    const key = (await params).key.join("/");
    return await serveChatFile({ db, storage, userId: user.id, key, request, withBody });
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === "INTERNAL") logger.error({ err: error, url: request.url }, "chat file request failed");
    return Response.json(errorBody(appError), { status: appError.httpStatus, headers: { "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store" } });
  }
}
