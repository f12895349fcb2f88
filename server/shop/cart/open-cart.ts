import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import { clearedGuestCartCookie, guestCartCookie, newGuestCartId, readGuestCartId, userCartId, type CartId } from "./cart-id";
import { mergeGuestCart } from "./merge-guest-cart";

export type CartRequest = {
  db: Db;
  redis: Redis;
  user: { id: string } | null;
  headers: Headers;
  /** Response headers to set the guest cookie on; absent for server-side callers. */
  resHeaders?: Headers;
};

/**
 * The cart a cart request works on. Signed in: the user's cart, after merging a
 * guest cart the request still carries a cookie for (the first cart request
 * after sign-in), whose cookie is then cleared. Signed out: the guest cart from
 * the cookie; `forWrite` creates one (and its cookie) when there is none, and
 * re-issues the cookie so it lives as long as the cart's refreshed TTL.
 */
export async function openCart(request: CartRequest, { forWrite }: { forWrite: true }): Promise<CartId>;
export async function openCart(request: CartRequest, { forWrite }: { forWrite: false }): Promise<CartId | null>;
export async function openCart(request: CartRequest, { forWrite }: { forWrite: boolean }): Promise<CartId | null> {
  const guestCartId = readGuestCartId(request.headers);
  if (request.user) {
    const ownCartId = userCartId(request.user.id);
    if (guestCartId) {
      await mergeGuestCart({ db: request.db, redis: request.redis, guestCartId, userCartId: ownCartId });
      request.resHeaders?.append("set-cookie", clearedGuestCartCookie());
    }
    return ownCartId;
  }
  if (!forWrite) return guestCartId;
  const cartId = guestCartId ?? newGuestCartId();
  request.resHeaders?.append("set-cookie", guestCartCookie(cartId));
  return cartId;
}
