import { avatarTooLarge, setAvatar } from "@/server/accounts/set-avatar";
import { env } from "@/server/env";
import { AppError, errorBody, toAppError } from "@/server/errors";
import { getSessionUser } from "@/server/platform/auth";
import { db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import { consume, rateLimitHeaders, rateLimitedResponse } from "@/server/platform/ratelimit";
import { readUploadBody } from "@/server/platform/read-upload-body";
import { storage } from "@/server/platform/storage";

/**
 * POST /api/accounts/avatar — the raw image as the body (any image/* type).
 * Not tRPC because it carries a file; the body is read with a hard byte cap,
 * so an oversized upload is refused without being buffered whole.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const user = await getSessionUser(request.headers);
    if (!user) throw new AppError("UNAUTHORIZED", "Please sign in to continue.");

    const limit = await consume("upload", user.id);
    if (!limit.allowed) return rateLimitedResponse(limit);

    const bytes = await readUploadBody(request, env.AVATAR_MAX_BYTES, avatarTooLarge);

    const result = await setAvatar({ db, storage, userId: user.id, bytes });
    return Response.json(result, { headers: rateLimitHeaders(limit) });
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === "INTERNAL") logger.error({ err: error }, "avatar upload failed");
    return Response.json(errorBody(appError), { status: appError.httpStatus });
  }
}
