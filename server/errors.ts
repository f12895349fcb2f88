/**
 * One error type for the whole server. The code set is closed: each code maps
 * to exactly one tRPC code and one HTTP status, here and nowhere else.
 */
export const ERROR_CODES = {
  BAD_REQUEST: { http: 400, trpc: "BAD_REQUEST" },
  UNAUTHORIZED: { http: 401, trpc: "UNAUTHORIZED" },
  FORBIDDEN: { http: 403, trpc: "FORBIDDEN" },
  NOT_FOUND: { http: 404, trpc: "NOT_FOUND" },
  CONFLICT: { http: 409, trpc: "CONFLICT" },
  GONE: { http: 410, trpc: "NOT_FOUND" },
  PAYLOAD_TOO_LARGE: { http: 413, trpc: "PAYLOAD_TOO_LARGE" },
  UNSUPPORTED_MEDIA_TYPE: { http: 415, trpc: "UNSUPPORTED_MEDIA_TYPE" },
  RATE_LIMITED: { http: 429, trpc: "TOO_MANY_REQUESTS" },
  UNAVAILABLE: { http: 503, trpc: "INTERNAL_SERVER_ERROR" },
  INTERNAL: { http: 500, trpc: "INTERNAL_SERVER_ERROR" },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  override readonly name = "AppError";

  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra facts a client may act on, e.g. `{ retryAfterSeconds }` or a field name. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  get httpStatus(): number {
    return ERROR_CODES[this.code].http;
  }
}

export function httpStatusOf(code: ErrorCode): number {
  return ERROR_CODES[code].http;
}

export function trpcCodeOf(code: ErrorCode) {
  return ERROR_CODES[code].trpc;
}

/** JSON body every REST route answers errors with: `{ error: { code, message } }`. */
export function errorBody(error: AppError) {
  return { error: { code: error.code, message: error.message, ...error.details } };
}

/** Turns anything thrown into an AppError; unknown failures become INTERNAL with no detail leaked. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isConnectionFailure(error)) {
    return new AppError("UNAVAILABLE", "A backing service is unavailable. Please try again shortly.");
  }
  return new AppError("INTERNAL", "Something went wrong on our side.");
}

const CONNECTION_FAILURES = ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "P1001", "P1017"];

function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && CONNECTION_FAILURES.includes(code)) return true;
  const message = error.message;
  return (
    CONNECTION_FAILURES.some((failure) => message.includes(failure)) ||
    message.includes("Connection is closed") ||
    message.includes("Can't reach database server")
  );
}
