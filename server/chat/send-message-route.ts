import { z } from "zod";
import { AppError, errorBody, toAppError } from "@/server/errors";
import { getSessionUser } from "@/server/platform/auth";
import { db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import { readUploadBody } from "@/server/platform/read-upload-body";
import { bodyTooLarge } from "@/server/realtime/node-request";
import { storage } from "@/server/platform/storage";
import { SendMessageInput, sendMessage, type Defer } from "./send-message";

/** The JSON body of a send: a message body (≤ 64 KB before its own checks) and up to 10 attachment references fit easily. */
export const SEND_MESSAGE_MAX_REQUEST_BYTES = 128 * 1024;

export type RouteAnswer = { status: number; body: unknown; headers: Record<string, string> };

/**
 * POST /api/chat/conversations/{conversationId}/messages — chat.send as a plain
 * route, the hot path of Chat (ARCHITECTURE.md: hot paths stay out of tRPC).
 * Self-hosted, server/chat/fast-path.ts answers it before Next; on Vercel,
 * app/api/chat/conversations/[conversationId]/messages/route.ts does. Both
 * call this with the request's headers and a body reader, and write the answer.
 *
 * Same rules as chat.send (send-message.ts): session required (401), members
 * only (403), body limits (400 / 413), the chat-send rate limit (429 with
 * Retry-After), idempotent by clientId (a resend answers the stored message).
 * Body: chat.send's input without conversationId (it is in the path).
 * 201 with the MessageView as JSON (dates as ISO strings).
 */
export async function answerSendMessage({
  headers,
  conversationId,
  readBody,
  defer,
}: {
  headers: Headers;
  conversationId: string;
  /** Resolves the raw body, or rejects with PAYLOAD_TOO_LARGE past `maxBytes`. */
  readBody: (maxBytes: number) => Promise<string>;
  /** Next's route passes `after` (defer-after-response.ts); outside Next (the fast path) notifications run detached. */
  defer?: Defer;
}): Promise<RouteAnswer> {
  try {
    const user = await getSessionUser(headers);
    if (!user) throw new AppError("UNAUTHORIZED", "Sign in to send messages.");
    const fields = parseBody(await readBody(SEND_MESSAGE_MAX_REQUEST_BYTES));
    if (typeof fields !== "object" || fields === null || Array.isArray(fields)) throw new AppError("BAD_REQUEST", "The request body must be a JSON object.");
    const input = SendMessageInput.safeParse({ ...fields, conversationId });
    if (!input.success) throw invalid(input.error);
    const message = await sendMessage({ db, storage, senderId: user.id, input: input.data, defer });
    return { status: 201, body: message, headers: NO_STORE };
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === "INTERNAL") logger.error({ err: error, module: "chat" }, "sending a message failed");
    const retryAfter = appError.details?.retryAfterSeconds;
    return {
      status: appError.httpStatus,
      body: errorBody(appError),
      headers: typeof retryAfter === "number" ? { ...NO_STORE, "Retry-After": String(retryAfter) } : NO_STORE,
    };
  }
}

const NO_STORE: Record<string, string> = { "Cache-Control": "no-store" };

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("BAD_REQUEST", "The request body must be JSON.");
  }
}

function invalid(error: z.ZodError): AppError {
  const issue = error.issues[0];
  const field = issue?.path.join(".") || undefined;
  return new AppError("BAD_REQUEST", issue ? `${field ? `${field}: ` : ""}${issue.message}` : "Invalid request.", field ? { field } : undefined);
}

/** The request body as text, refused past `maxBytes` (by Content-Length, then while reading). */
export async function readRequestText(request: Request, maxBytes: number): Promise<string> {
  return (await readUploadBody(request, maxBytes, () => bodyTooLarge(maxBytes))).toString("utf8");
}
