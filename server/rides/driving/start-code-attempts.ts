import { AppError } from "@/server/errors";
import type { Redis } from "@/server/platform/redis";

/**
 * The start code is 4 digits: 10,000 guesses, a few seconds of tRPC calls.
 * Without a cap a driver could start (and then complete and bill) a trip
 * without the rider in the car. Each trip takes this many tries per window;
 * a typo or two never locks an honest driver out for long.
 */
export const START_CODE_MAX_TRIES = 5;
export const START_CODE_WINDOW_SECONDS = 10 * 60;

/**
 * Spends one try of the trip's window, or refuses once they are spent. The
 * try is counted before the code is compared (one INCR), so a burst of
 * guesses sent at once cannot all slip in before the count catches up.
 */
export async function spendStartCodeTry(redis: Redis, tripId: string): Promise<void> {
  const key = `rides:start-code-tries:${tripId}`;
  const answers = await redis.multi().incr(key).expire(key, START_CODE_WINDOW_SECONDS, "NX").ttl(key).exec();
  const tries = Number(answers?.[0]?.[1] ?? START_CODE_MAX_TRIES + 1);
  if (tries <= START_CODE_MAX_TRIES) return;
  const seconds = Math.max(1, Number(answers?.[2]?.[1] ?? START_CODE_WINDOW_SECONDS));
  const minutes = Math.ceil(seconds / 60);
  throw new AppError("RATE_LIMITED", `Too many wrong codes for this trip. Check the code with the rider and try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, {
    field: "code",
    retryAfterSeconds: seconds,
  });
}
