import { z } from "zod";

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
  UNAVAILABLE: { http: 503, trpc: "SERVICE_UNAVAILABLE" },
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

/** The JSON body every REST route answers errors with; `details` facts (a field, retryAfterSeconds) sit beside code and message. */
export const ErrorBody = z.strictObject({
  error: z.looseObject({ code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]), message: z.string() }),
});

export function errorBody(error: AppError): z.infer<typeof ErrorBody> {
  return { error: { code: error.code, message: error.message, ...error.details } };
}

/** Turns anything thrown into an AppError; unknown failures become INTERNAL with no detail leaked. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isConnectionFailure(error)) {
    return new AppError("UNAVAILABLE", "A backing service is unavailable. Please try again shortly.", { retryAfterSeconds: BACKING_SERVICE_RETRY_SECONDS });
  }
  return new AppError("INTERNAL", "Something went wrong on our side.");
}

/** What a client is told to wait when Postgres or Redis is away: `npm start` restarts either within seconds. */
const BACKING_SERVICE_RETRY_SECONDS = 5;

const CONNECTION_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "P1001", "P1017"]);
/** Prisma's driver adapter names a lost or refused connection with one of these kinds. */
const CONNECTION_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/** SQLSTATEs of a server going away or not ready: 57P01-57P03 shutdown and startup, 53300 too many connections, class 08. */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;
const CONNECTION_MESSAGES = [
  ...CONNECTION_CODES,
  "Connection is closed", // ioredis
  "Reached the max retries per request limit", // ioredis, while reconnecting
  "Can't reach database server", // Prisma
  "Connection terminated", // pg, the server went away mid-query
  "timeout exceeded when trying to connect", // pg's pool
  "the database system is", // starting up, shutting down, in recovery mode
];

/** A refused, lost or not-yet-ready connection to Postgres or Redis, wherever in the cause chain it is. */
function isConnectionFailure(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 4) return false;
  const { code, meta, cause } = error as { code?: unknown; meta?: { code?: unknown; driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown; code?: unknown } } }; cause?: unknown };
  const adapterCause = meta?.driverAdapterError?.cause;
  const sqlState = [meta?.code, adapterCause?.originalCode, adapterCause?.code].find((value): value is string => typeof value === "string");
  return (
    (typeof code === "string" && CONNECTION_CODES.has(code)) ||
    (typeof adapterCause?.kind === "string" && CONNECTION_KINDS.has(adapterCause.kind)) ||
    (sqlState !== undefined && UNAVAILABLE_SQLSTATE.test(sqlState)) ||
    CONNECTION_MESSAGES.some((failure) => error.message.includes(failure)) ||
    isConnectionFailure(cause, depth + 1)
  );
}
