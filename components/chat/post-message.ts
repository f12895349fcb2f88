import type { MessageView } from "./chat-types";

export type PostMessageInput = {
  conversationId: string;
  clientId: string;
  body: string;
  replyToId: string | null;
  attachments: Array<{ key: string; name: string; thumbKey?: string; width?: number; height?: number }>;
  socketId: string | undefined;
};

/** A refusal of POST /api/chat/conversations/{id}/messages, with what the server said. */
export class SendRefusedError extends Error {
  override readonly name = "SendRefusedError";
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(message);
  }
}

type WireMessage = Omit<MessageView, "createdAt" | "editedAt" | "deletedAt"> & { createdAt: string; editedAt: string | null; deletedAt: string | null };

/**
 * Sends through the plain route rather than chat.send: the route is Chat's hot
 * path and skips tRPC (server/chat/send-message-route.ts). Same rules, same
 * answer (a MessageView, dates revived here). A network failure rejects with
 * the fetch's TypeError; a refusal with SendRefusedError.
 */
export async function postMessage({ conversationId, ...body }: PostMessageInput): Promise<MessageView> {
  const response = await fetch(`/api/chat/conversations/${encodeURIComponent(conversationId)}/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    cache: "no-store",
  });
  const answer: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (answer as { error?: { code?: string; message?: string; retryAfterSeconds?: number } } | null)?.error;
    const retryAfter = error?.retryAfterSeconds ?? (Number(response.headers.get("retry-after")) || undefined);
    throw new SendRefusedError(response.status, error?.code, error?.message ?? "The message could not be sent.", retryAfter);
  }
  const wire = answer as WireMessage;
  return {
    ...wire,
    createdAt: new Date(wire.createdAt),
    editedAt: wire.editedAt === null ? null : new Date(wire.editedAt),
    deletedAt: wire.deletedAt === null ? null : new Date(wire.deletedAt),
  };
}
