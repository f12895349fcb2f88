import { AppError, errorBody, toAppError } from "@/server/errors";
import { getSessionUser, type SessionUser } from "./auth";
import { logger } from "./logger";
import { consume, rateLimitHeaders, rateLimitedResponse } from "./ratelimit";
import { readUploadBody } from "./read-upload-body";

/**
 * A raw-body upload route (POST with the file as the body, any image/* type):
 * not tRPC because it carries a file. Signed in (and `authorize`d), within the
 * per-user "upload" rate limit, the body read under a hard byte cap so an
 * oversized upload is refused without being buffered whole, then `store`d.
 * Answers `store`'s result as JSON, or `{ error }` with the error's status.
 */
export async function handleUpload<T>(
  request: Request,
  options: {
    maxBytes: number;
    tooLarge: () => AppError;
    authorize?: (user: SessionUser) => void;
    store: (upload: { user: SessionUser; bytes: Buffer }) => Promise<T>;
    status?: number;
  },
): Promise<Response> {
  try {
    const user = await getSessionUser(request.headers);
    if (!user) throw new AppError("UNAUTHORIZED", "Please sign in to continue.");
    options.authorize?.(user);

    const limit = await consume("upload", user.id);
    if (!limit.allowed) return rateLimitedResponse(limit);

    const bytes = await readUploadBody(request, options.maxBytes, options.tooLarge);
    const result = await options.store({ user, bytes });
    return Response.json(result, { status: options.status ?? 200, headers: rateLimitHeaders(limit) });
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === "INTERNAL") logger.error({ err: error, path: new URL(request.url).pathname }, "upload failed");
    return Response.json(errorBody(appError), { status: appError.httpStatus });
  }
}
