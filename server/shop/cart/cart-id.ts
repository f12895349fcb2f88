import { randomBytes } from "node:crypto";
import { appUrl, env } from "@/server/env";
import { readCookie } from "@/server/platform/cookies";

/**
 * Which cart a request uses. Signed in: `user:<userId>`, the same cart on every
 * device. Signed out: `guest:<random>`, the random part kept in the httpOnly
 * cookie `cb_cart` (128 random bits, so a guest cart cannot be guessed).
 */
export type CartId = `user:${string}` | `guest:${string}`;

export const CART_COOKIE = "cb_cart";

// base64url of 16 bytes; anything else in the cookie is ignored, so a forged value never becomes a Redis key fragment.
const GUEST_TOKEN = /^[A-Za-z0-9_-]{22}$/;

export function userCartId(userId: string): CartId {
  return `user:${userId}`;
}

export function newGuestCartId(): CartId {
  return `guest:${randomBytes(16).toString("base64url")}`;
}

/** The guest cart named by the request's `cb_cart` cookie, if it carries a well-formed one. */
export function readGuestCartId(headers: Headers): CartId | null {
  const token = readCookie(headers.get("cookie"), CART_COOKIE);
  return token && GUEST_TOKEN.test(token) ? `guest:${token}` : null;
}

/**
 * The cart a checkout or cart read should use: the user's own when signed in,
 * else the guest cart from the cookie, else none (an empty cart).
 */
export function resolveCartId({ user, headers }: { user: { id: string } | null; headers: Headers }): CartId | null {
  return user ? userCartId(user.id) : readGuestCartId(headers);
}

/** `Set-Cookie` value that (re)issues the guest cookie; it lives as long as the cart does. */
export function guestCartCookie(cartId: CartId): string {
  const token = cartId.slice("guest:".length);
  return serializeCookie(token, env.SHOP_CART_TTL_DAYS * 24 * 3600);
}

/** `Set-Cookie` value that removes the guest cookie (after its cart was merged into the user's). */
export function clearedGuestCartCookie(): string {
  return serializeCookie("", 0);
}

function serializeCookie(value: string, maxAgeSeconds: number): string {
  const secure = appUrl.startsWith("https:") ? "; Secure" : "";
  return `${CART_COOKIE}=${value}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax${secure}`;
}
