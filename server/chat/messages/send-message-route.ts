import { AppError } from "@/server/errors";
import { getSessionUser } from "@/server/platform/auth";
import { db } from "@/server/platform/db";
import { storage } from "@/server/platform/storage";
import { json, parseJsonObject, type Answer } from "@/server/web/answer";
import { invalidInput } from "@/server/web/invalid-input";
import type { WebRequest } from "@/server/web/request";
import { SendMessageInput, sendMessage } from "./send-message";

/** The JSON body of a send: a message body (≤ 64 KB before its own checks) and up to 10 attachment references fit easily. */
export const SEND_MESSAGE_MAX_REQUEST_BYTES = 128 * 1024;

/**
 * POST /api/chat/conversations/{conversationId}/messages: chat.send as a plain
 * route, the hot path of Chat (measured on bench:chat, Next's router, tRPC and
 * superjson cost more CPU per message than the send itself). A row of the
 * route table (server/web/routes.ts): self-hosted, the listener answers it
 * before Next; on Vercel its route file does. Same input (without
 * conversationId, which is in the path) and rules as chat.send; 201 with the
 * MessageView as JSON (dates as ISO strings).
 */
export async function sendMessageRoute(request: WebRequest): Promise<Answer> {
  const user = await getSessionUser(request.headers);
  if (!user) throw new AppError("UNAUTHORIZED", "Sign in to send messages.");
  const fields = parseJsonObject(await request.readBody(SEND_MESSAGE_MAX_REQUEST_BYTES));
  const input = SendMessageInput.safeParse({ ...fields, conversationId: request.params.conversationId });
  if (!input.success) throw invalidInput(input.error);
  const message = await sendMessage({ db, storage, senderId: user.id, input: input.data, defer: (task) => request.defer(task) });
  return json(201, message);
}
