import { AppError } from "@/server/errors";
import { getSessionUser, type SessionUser } from "@/server/platform/auth";
import { consume, rateLimitError, rateLimitHeaders } from "@/server/platform/ratelimit";
import { errorAnswer, json, type Answer } from "./answer";
import type { WebRequest } from "./request";

/**
 * A raw-body upload route (POST with the file as the body; the row of the
 * route table declares which Content-Types): not tRPC because it carries a
 * file. Signed in (and `authorize`d, which may also check the query), within
 * the per-user "upload" rate limit, the body read under a hard byte cap so an
 * oversized upload is refused without being buffered whole, then `store`d.
 * Answers `store`'s result as JSON with `status`.
 */
export function uploadRoute<T>(options: {
  maxBytes: number;
  /** The refusal past `maxBytes`, in the words of the thing uploaded. */
  tooLarge: () => AppError;
  authorize?: (user: SessionUser, request: WebRequest) => void;
  store: (upload: { user: SessionUser; bytes: Buffer; request: WebRequest }) => Promise<T>;
  status?: number;
}): (request: WebRequest) => Promise<Answer> {
  return async (request) => {
    const user = await getSessionUser(request.headers);
    if (!user) throw new AppError("UNAUTHORIZED", "Please sign in to continue.");
    options.authorize?.(user, request);

    const limit = await consume("upload", user.id);
    if (!limit.allowed) return errorAnswer(rateLimitError(limit), request.path, rateLimitHeaders(limit));
    const bytes = await request.readBody(options.maxBytes).catch((error: unknown) => {
      throw error instanceof AppError && error.code === "PAYLOAD_TOO_LARGE" ? options.tooLarge() : error;
    });
    const result = await options.store({ user, bytes, request });
    return json(options.status ?? 200, result, rateLimitHeaders(limit));
  };
}
