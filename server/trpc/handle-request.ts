import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { AppError, toAppError, trpcCodeOf } from "@/server/errors";
import type { Answer } from "@/server/web/answer";
import { withCappedBody } from "@/server/web/capped-request";
import { JSON_BODY, requireBodyType } from "@/server/web/content-types";
import { toAnswer } from "@/server/web/fetch-request";
import { guardRequest } from "@/server/web/guard";
import type { WebRequest } from "@/server/web/request";
import { createContext } from "./init";
import { appRouter } from "./root";

const ENDPOINT = "/api/trpc";
/** Larger than any input of ours (uploads go through their own routes); checked before tRPC parses anything. */
export const TRPC_MAX_BODY_BYTES = 1024 * 1024;
/** The client batches at most this many calls too (components/trpc/client.tsx). */
export const TRPC_MAX_BATCH_CALLS = 10;

/**
 * /api/trpc/* (app/api/trpc/[trpc]/route.ts). Before tRPC reads a byte:
 * a mutation (POST) passes the request guard (server/web/guard.ts: a
 * cookie-carrying POST from another origin is refused 403) and must be JSON
 * (415: tRPC would also take multipart/form-data, which any page can post);
 * a batch holds at most TRPC_MAX_BATCH_CALLS calls (400); the body is capped
 * at TRPC_MAX_BODY_BYTES (413 without reading the rest).
 */
export const handleTrpcRequest = withCappedBody(
  TRPC_MAX_BODY_BYTES,
  (request) =>
    fetchRequestHandler({
      endpoint: ENDPOINT,
      req: request,
      router: appRouter,
      createContext: ({ resHeaders }) => createContext({ headers: request.headers, resHeaders }).catch(contextError),
      responseMeta: ({ errors }) => {
        const retryAfter = errors.map(retryAfterSecondsOf).find((seconds) => seconds !== undefined);
        return retryAfter === undefined ? {} : { headers: { "Retry-After": String(retryAfter) } };
      },
    }),
  (request) => {
    checkBatchSize(request);
    if (request.method === "POST") {
      guardRequest(request);
      requireBodyType(request.header("content-type"), JSON_BODY);
    }
  },
);

/**
 * /api/trpc/* as a row of the route table (server/web/routes.ts), so the
 * self-hosted listener answers tRPC itself instead of forwarding it to Next:
 * the same handler on a Web Request built from the node one. Measured on
 * bench:shop, the hop through Next cost more than the search it carried.
 * On Vercel, app/api/trpc/[trpc]/route.ts serves handleTrpcRequest directly.
 */
export async function trpcRoute(request: WebRequest): Promise<Answer> {
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : new Uint8Array(await request.readBody(TRPC_MAX_BODY_BYTES));
  // tRPC reads only the path and query from the URL; procedures read the real Host from the headers.
  const response = await handleTrpcRequest(new Request(`http://trpc.invalid${request.path}${request.search}`, { method: request.method, headers: request.headers, body }));
  return toAnswer(response);
}

/**
 * The session is read before any procedure runs, outside the procedures' error
 * mapping: with Postgres away it must still answer 503 (UNAVAILABLE), not 500.
 */
function contextError(error: unknown): never {
  const appError = toAppError(error);
  throw new TRPCError({ code: trpcCodeOf(appError.code), message: appError.message, cause: appError });
}

/** Retry-After for a 503 (a backing service is away) or a 429, as REST routes send it. */
function retryAfterSecondsOf(error: TRPCError): number | undefined {
  const seconds = error.cause instanceof AppError ? error.cause.details?.retryAfterSeconds : undefined;
  return typeof seconds === "number" ? seconds : undefined;
}

function checkBatchSize(request: WebRequest): void {
  if (request.query.get("batch") !== "1") return;
  const calls = request.path.slice(ENDPOINT.length + 1).split(",").length;
  if (calls > TRPC_MAX_BATCH_CALLS) {
    throw new AppError("BAD_REQUEST", `A batch may hold at most ${TRPC_MAX_BATCH_CALLS} calls; this one has ${calls}.`);
  }
}
