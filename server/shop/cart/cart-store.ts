import { env } from "@/server/env";
import type { Redis } from "@/server/platform/redis";
import type { CartId } from "./cart-id";
import { MAX_CART_LINES } from "./cart-limits";

/**
 * A cart is one Redis hash, `casebook:shop:cart:<cartId>`, field line key →
 * quantity. The line key is the productId, or `productId:variantId` for a
 * product with variants (ids never contain ':'), so carts written before
 * variants existed read unchanged. Every write refreshes its TTL
 * (SHOP_CART_TTL_DAYS), so a cart left alone that long disappears. Carts live
 * only in Redis: losing one costs a shopper their picks, never money or stock
 * (checkout copies the lines into an order in Postgres). Each command touches
 * one key, so carts shard cleanly. `variantId` absent or null: a product
 * without variants.
 */
export type CartLineRef = { productId: string; variantId?: string | null };
export type CartLine = CartLineRef & { quantity: number };

/** The hash field of a line. */
export function cartLineKey({ productId, variantId }: CartLineRef): string {
  return variantId ? `${productId}:${variantId}` : productId;
}

function parseLineKey(key: string): CartLineRef {
  const [productId = key, variantId] = key.split(":", 2);
  return variantId ? { productId, variantId } : { productId };
}

export function cartKey(cartId: CartId): string {
  return `casebook:shop:cart:${cartId}`;
}

function ttlSeconds(): number {
  return env.SHOP_CART_TTL_DAYS * 24 * 3600;
}

/** The cart's lines in the order they were first added. */
export async function readCartLines(redis: Redis, cartId: CartId): Promise<CartLine[]> {
  // HGETALL through `call` keeps Redis's field order (ioredis's object form would reorder numeric-looking keys).
  return parseLines(await redis.call("HGETALL", cartKey(cartId)));
}

export async function clearCart(redis: Redis, cartId: CartId): Promise<void> {
  await redis.del(cartKey(cartId));
}

// The line-count limit and the quantity cap are checked in the same atomic step as
// the write, so two tabs adding at once cannot push a cart past them.
const ADD_TO_LINE = `
local existing = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
if existing == 0 and redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[4]) then return {-2, existing} end
local wanted = existing + tonumber(ARGV[2])
if wanted > tonumber(ARGV[3]) then return {-1, existing} end
redis.call('HSET', KEYS[1], ARGV[1], wanted)
redis.call('EXPIRE', KEYS[1], ARGV[5])
return {1, wanted}`;

const SET_LINE = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 and redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[4])
return 1`;

// Guest lines are added to the user's (never lowering what the user already had),
// each capped; lines beyond the cart's line limit are dropped.
const MERGE_LINES = `
local lines = redis.call('HLEN', KEYS[1])
for i = 3, #ARGV, 3 do
  local existing = tonumber(redis.call('HGET', KEYS[1], ARGV[i]) or '0')
  local merged = math.max(existing, math.min(existing + tonumber(ARGV[i + 1]), tonumber(ARGV[i + 2])))
  if merged > existing and (existing > 0 or lines < tonumber(ARGV[1])) then
    if existing == 0 then lines = lines + 1 end
    redis.call('HSET', KEYS[1], ARGV[i], merged)
  end
end
if lines > 0 then redis.call('EXPIRE', KEYS[1], ARGV[2]) end
return lines`;

export type AddToLineResult =
  | { status: "added"; quantity: number }
  | { status: "over_cap"; existing: number }
  | { status: "too_many_lines" };

/** Adds `quantity` to a line unless the line would then exceed `cap` or the cart would exceed its line limit. */
export async function addToCartLine(
  redis: Redis,
  cartId: CartId,
  line: CartLine & { cap: number },
): Promise<AddToLineResult> {
  const reply = await redis.eval(ADD_TO_LINE, 1, cartKey(cartId), cartLineKey(line), line.quantity, line.cap, MAX_CART_LINES, ttlSeconds());
  const [status, quantity] = parseNumberPair(reply);
  if (status === -2) return { status: "too_many_lines" };
  if (status === -1) return { status: "over_cap", existing: quantity };
  return { status: "added", quantity };
}

/** Sets a line's quantity (≥ 1); false when it is a new line and the cart is full. */
export async function setCartLine(redis: Redis, cartId: CartId, line: CartLine): Promise<boolean> {
  const reply = await redis.eval(SET_LINE, 1, cartKey(cartId), cartLineKey(line), line.quantity, MAX_CART_LINES, ttlSeconds());
  return reply === 1;
}

export async function removeCartLine(redis: Redis, cartId: CartId, line: CartLineRef): Promise<void> {
  await redis.multi().hdel(cartKey(cartId), cartLineKey(line)).expire(cartKey(cartId), ttlSeconds()).exec();
}

/**
 * Reads and deletes a cart in one atomic step. When two requests race to merge
 * the same guest cart, exactly one of them gets its lines; the other gets none.
 */
export async function takeCart(redis: Redis, cartId: CartId): Promise<CartLine[]> {
  const replies = await redis.multi().call("HGETALL", cartKey(cartId)).del(cartKey(cartId)).exec();
  const [error, lines] = replies?.[0] ?? [new Error("the cart transaction was aborted"), null];
  if (error) throw error;
  return parseLines(lines);
}

/** Adds lines into a cart, each capped at its `cap`. */
export async function mergeIntoCart(redis: Redis, cartId: CartId, lines: (CartLine & { cap: number })[]): Promise<void> {
  if (lines.length === 0) return;
  const args = lines.flatMap((line) => [cartLineKey(line), line.quantity, line.cap]);
  await redis.eval(MERGE_LINES, 1, cartKey(cartId), MAX_CART_LINES, ttlSeconds(), ...args);
}

function parseLines(reply: unknown): CartLine[] {
  if (!Array.isArray(reply)) return [];
  const lines: CartLine[] = [];
  for (let index = 0; index + 1 < reply.length; index += 2) {
    const quantity = Number(reply[index + 1]);
    if (Number.isInteger(quantity) && quantity > 0) lines.push({ ...parseLineKey(String(reply[index])), quantity });
  }
  return lines;
}

function parseNumberPair(reply: unknown): [number, number] {
  if (!Array.isArray(reply) || reply.length !== 2) throw new Error("unexpected reply from the cart script");
  return [Number(reply[0]), Number(reply[1])];
}
