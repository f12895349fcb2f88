import { AppError, errorBody, toAppError } from "@/server/errors";
import { getSessionUser } from "@/server/platform/auth";
import { db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import { GetHistoryInput, getHistory } from "./get-history";
import type { RouteAnswer } from "./send-message-route";

const NUMBER_PARAMS = ["before", "after", "around", "limit"] as const;

/**
 * GET /api/chat/conversations/{conversationId}/messages?after=&before=&around=&limit= —
 * chat.history as a plain route: what every client calls to catch up after a
 * reconnect, all at once after a gateway restart (measured on bench:chat: 1,420
 * catch-ups through Next and tRPC held sends up for 20 s). Self-hosted,
 * server/chat/fast-path.ts answers it before Next; on Vercel the route file does.
 * Same rules and shape as chat.history (HistoryPage, dates as ISO strings):
 * 401 signed out, 403 non-member, 400 invalid parameters.
 */
export async function answerHistory({ headers, conversationId, query }: { headers: Headers; conversationId: string; query: URLSearchParams }): Promise<RouteAnswer> {
  try {
    const user = await getSessionUser(headers);
    if (!user) throw new AppError("UNAUTHORIZED", "Sign in to read messages.");
    const fields: Record<string, unknown> = { conversationId };
    for (const name of NUMBER_PARAMS) {
      const value = query.get(name);
      if (value !== null) fields[name] = Number(value);
    }
    const input = GetHistoryInput.safeParse(fields);
    if (!input.success) {
      const field = input.error.issues[0]?.path.join(".");
      throw new AppError("BAD_REQUEST", `${field ? `${field}: ` : ""}${input.error.issues[0]?.message ?? "invalid"}`, field ? { field } : undefined);
    }
    return { status: 200, body: await getHistory({ db, userId: user.id, input: input.data }), headers: NO_STORE };
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === "INTERNAL") logger.error({ err: error, module: "chat" }, "reading history failed");
    return { status: appError.httpStatus, body: errorBody(appError), headers: NO_STORE };
  }
}

const NO_STORE: Record<string, string> = { "Cache-Control": "no-store" };
