import { TRPCClientError } from "@trpc/client";
import { ChatRouteError } from "./wire-message";

/**
 * How a failed send should be handled: "retry" keeps the message queued
 * (no network, the server restarting, a rate limit), "refuse" shows it as
 * failed with the server's reason (too long, not a member any more).
 */
export function classifySendError(error: unknown): { kind: "retry"; delayMs: number } | { kind: "refuse"; message: string } {
  if (error instanceof ChatRouteError) {
    if (error.status === 429) return { kind: "retry", delayMs: (error.retryAfterSeconds ?? 5) * 1000 };
    if (error.status >= 500) return { kind: "retry", delayMs: 2_000 };
    return { kind: "refuse", message: error.message };
  }
  if (!(error instanceof TRPCClientError) || !error.data) return { kind: "retry", delayMs: 2_000 };
  const data = error.data as { httpStatus?: number; appCode?: string | null; retryAfterSeconds?: number | null };
  if (data.appCode === "RATE_LIMITED" || data.httpStatus === 429) return { kind: "retry", delayMs: (data.retryAfterSeconds ?? 5) * 1000 };
  if ((data.httpStatus ?? 500) >= 500) return { kind: "retry", delayMs: 2_000 };
  return { kind: "refuse", message: error.message || "The message could not be sent." };
}

/** A message for the UI from any thrown value. */
export function describeError(error: unknown): string {
  return error instanceof Error && error.message ? error.message : "Something went wrong. Please try again.";
}
