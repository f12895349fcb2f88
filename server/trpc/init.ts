import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import { AppError, toAppError, trpcCodeOf } from "@/server/errors";
import { getSessionUser, type SessionUser } from "@/server/platform/auth";
import { db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import { redis } from "@/server/platform/redis";

/**
 * Built once per request; handlers get the session and the platform clients from here.
 * `resHeaders` (the fetch adapter's response headers) lets a procedure set a cookie,
 * e.g. the shop's guest cart; it is absent for server-side callers.
 */
export async function createContext({ headers, resHeaders }: { headers: Headers; resHeaders?: Headers }) {
  const user = await getSessionUser(headers);
  return { db, redis, headers, user, ...(resHeaders ? { resHeaders } : {}) };
}
export type Context = Awaited<ReturnType<typeof createContext>>;

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const appError = error.cause instanceof AppError ? error.cause : undefined;
    return {
      ...shape,
      message: appError?.message ?? (error.cause instanceof ZodError ? "Please check the highlighted fields." : shape.message),
      data: {
        ...shape.data,
        stack: undefined,
        appCode: appError?.code ?? null,
        // The form field a service-level check is about (e.g. "customAlias" for a taken alias).
        field: typeof appError?.details?.field === "string" ? appError.details.field : null,
        // How long a rate-limited client should wait before retrying.
        retryAfterSeconds: typeof appError?.details?.retryAfterSeconds === "number" ? appError.details.retryAfterSeconds : null,
        // Forms show each message next to its field.
        fieldErrors: error.cause instanceof ZodError ? z.flattenError(error.cause).fieldErrors : null,
      },
    };
  },
});

/**
 * Every failure leaves as a TRPCError whose cause is an AppError: the code maps
 * once (server/errors.ts), users read a clear message, stacks stay in the log.
 * Input validation (ZodError) and tRPC's own errors pass through untouched.
 */
const mapErrors = t.middleware(async ({ next, path }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof ZodError) return result;
  if (result.error.code !== "INTERNAL_SERVER_ERROR" && !(cause instanceof AppError)) return result;
  const appError = toAppError(cause ?? result.error);
  if (appError.code === "INTERNAL" || appError.code === "UNAVAILABLE") {
    logger.error({ err: cause ?? result.error, path }, "tRPC procedure failed");
  }
  return { ...result, error: new TRPCError({ code: trpcCodeOf(appError.code), message: appError.message, cause: appError }) };
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapErrors);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new AppError("UNAUTHORIZED", "Please sign in to continue.");
  return next({ ctx: { ...ctx, user: ctx.user satisfies SessionUser } });
});

/** Staff-only operations (e.g. the shop's admin area): the user's role must be admin. */
export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== "admin") throw new AppError("FORBIDDEN", "Only administrators can do this.");
  return next({ ctx });
});
