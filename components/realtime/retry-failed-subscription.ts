import type { Channel } from "pusher-js";

/** Answers after which asking again cannot help: signed out, or not allowed on the channel (e.g. removed from a conversation). */
const FINAL_STATUSES = new Set([401, 403, 404]);
const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;

/**
 * pusher-js gives up on a channel whose authorization failed, and asks again
 * only when the whole connection reconnects. A failure that may pass (the
 * auth endpoint unreachable, a 5xx while the web app restarts, a 429) is
 * retried here with back-off while the channel is still wanted and the
 * connection is up; a refusal (401, 403, 404) stays final.
 */
export function retryFailedSubscription(channel: Channel, wanted: () => boolean): void {
  let failures = 0;
  channel.bind("pusher:subscription_succeeded", () => {
    failures = 0;
  });
  channel.bind("pusher:subscription_error", (error: { status?: number } | undefined) => {
    if (error?.status !== undefined && FINAL_STATUSES.has(error.status)) return;
    const delay = Math.min(FIRST_DELAY_MS * 2 ** failures, MAX_DELAY_MS);
    failures += 1;
    setTimeout(() => {
      if (wanted() && !channel.subscribed && !channel.subscriptionPending) channel.subscribe();
    }, delay);
  });
}
