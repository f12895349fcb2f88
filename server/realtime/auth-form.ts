import { AppError } from "@/server/errors";

const SOCKET_ID = /^\d+\.\d+$/;

/** The fields pusher-js posts to an auth endpoint: form-encoded by default, JSON when so configured. */
export function readAuthForm(contentType: string, text: string): Record<string, unknown> {
  if (!contentType.includes("application/json")) return Object.fromEntries(new URLSearchParams(text));
  try {
    const body = JSON.parse(text) as unknown;
    return body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function readSocketId(fields: Record<string, unknown>): string {
  const socketId = fields.socket_id;
  if (typeof socketId !== "string" || !SOCKET_ID.test(socketId)) throw new AppError("BAD_REQUEST", "Missing or invalid socket_id.");
  return socketId;
}
