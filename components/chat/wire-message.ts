import type { MessageView } from "./chat-types";

/** A MessageView as the plain chat routes send it: JSON, so dates are ISO strings. */
export type WireMessage = Omit<MessageView, "createdAt" | "editedAt" | "deletedAt" | "threadLastReplyAt"> & {
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  threadLastReplyAt: string | null;
};

export function reviveMessage(wire: WireMessage): MessageView {
  const dateOrNull = (value: string | null) => (value === null ? null : new Date(value));
  return {
    ...wire,
    createdAt: new Date(wire.createdAt),
    editedAt: dateOrNull(wire.editedAt),
    deletedAt: dateOrNull(wire.deletedAt),
    threadLastReplyAt: dateOrNull(wire.threadLastReplyAt),
  };
}

/** A refusal of a plain chat route, with what the server said. */
export class ChatRouteError extends Error {
  override readonly name = "ChatRouteError";
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(message);
  }
}

/** The JSON of a successful answer, or a ChatRouteError from the error body (`{ error: { code, message } }`). */
export async function readAnswer<T>(response: Response, fallback: string): Promise<T> {
  const answer: unknown = await response.json().catch(() => null);
  if (response.ok) return answer as T;
  const error = (answer as { error?: { code?: string; message?: string; retryAfterSeconds?: number } } | null)?.error;
  const retryAfter = error?.retryAfterSeconds ?? (Number(response.headers.get("retry-after")) || undefined);
  throw new ChatRouteError(response.status, error?.code, error?.message ?? fallback, retryAfter);
}
