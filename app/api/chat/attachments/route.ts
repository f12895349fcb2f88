import { attachmentTooLarge, uploadAttachment } from "@/server/chat/upload-attachment";
import { env } from "@/server/env";
import { AppError, errorBody, toAppError } from "@/server/errors";
import { getSessionUser } from "@/server/platform/auth";
import { db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import { consume, rateLimitHeaders, rateLimitedResponse } from "@/server/platform/ratelimit";
import { readUploadBody } from "@/server/platform/read-upload-body";
import { storage } from "@/server/platform/storage";

export const dynamic = "force-dynamic";

/**
 * POST /api/chat/attachments?conversationId=<id>&name=<file name>
 * The raw file as the body (so XHR upload progress works); the Content-Type
 * header is ignored, the type is sniffed from the bytes. Members only; at
 * most CHAT_ATTACHMENT_MAX_BYTES (413 past it, refused while streaming, never
 * buffered whole); the `upload` rate limit applies.
 * 201 → ChatAttachment { key, name, size, contentType, url, thumbKey?, thumbUrl?, width?, height? },
 * which the client passes to chat.send in `attachments`.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const user = await getSessionUser(request.headers);
    if (!user) throw new AppError("UNAUTHORIZED", "Please sign in to continue.");
    const url = new URL(request.url);
    const conversationId = url.searchParams.get("conversationId") ?? "";
    if (!/^[A-Za-z0-9-]{1,64}$/.test(conversationId)) throw new AppError("BAD_REQUEST", "Missing or invalid conversationId.", { field: "conversationId" });
    const fileName = (url.searchParams.get("name") ?? "").slice(0, 255);

    const limit = await consume("upload", user.id);
    if (!limit.allowed) return rateLimitedResponse(limit);

    const bytes = await readUploadBody(request, env.CHAT_ATTACHMENT_MAX_BYTES, attachmentTooLarge);

    const attachment = await uploadAttachment({ db, storage, uploaderId: user.id, conversationId, fileName, bytes });
    return Response.json(attachment, { status: 201, headers: rateLimitHeaders(limit) });
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === "INTERNAL") logger.error({ err: error }, "chat attachment upload failed");
    return Response.json(errorBody(appError), { status: appError.httpStatus });
  }
}
