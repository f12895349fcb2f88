import { consume, rateLimitError, requestClientIp } from "@/server/platform/ratelimit";

/**
 * Cart writes per signed-in user, or per IP for guests (RATE_LIMIT_CART_*,
 * 120 a minute by default: far above what a person clicks). Each write reads
 * Postgres and writes Redis, and a guest without a cookie opens a new cart
 * each time, so the IP is the key that bounds both.
 */
export async function limitCartWrites({ user, headers }: { user: { id: string } | null; headers: Headers }): Promise<void> {
  const limit = await consume("cart-write", user ? `user:${user.id}` : `ip:${requestClientIp(headers)}`);
  if (!limit.allowed) throw rateLimitError(limit);
}
