import { randomUUID } from "node:crypto";
import { createTestUser } from "@/server/accounts/test-users";
import type { SessionUser } from "@/server/platform/auth";
import { db, type Db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { createCallerFactory } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";
import { CART_COOKIE, type CartId } from "../cart/cart-id";
import { setCartLine } from "../cart/cart-store";

/** Fixtures for the Shop orders, checkout and inventory tests (real Postgres from Vitest's global setup). */

export async function createTestProduct(db: Db, { onHand = 10, priceCents = 1_000, name }: { onHand?: number; priceCents?: number; name?: string } = {}) {
  const suffix = randomUUID().slice(0, 8);
  const category = await db.productCategory.upsert({
    where: { slug: "orders-test" },
    update: {},
    create: { slug: "orders-test", name: "Orders test" },
  });
  return db.product.create({
    data: {
      slug: `test-${suffix}`,
      name: name ?? `Test product ${suffix}`,
      description: "A product made by a test.",
      brand: "Testco",
      categoryId: category.id,
      priceCents,
      onHand,
    },
  });
}

/** A bare order row (status created) to hang reservations on. */
export async function createTestOrder(db: Db, { userId = null, email = "buyer@test.casebook.dev" }: { userId?: string | null; email?: string } = {}) {
  return db.order.create({
    data: {
      userId,
      email,
      currency: "usd",
      subtotalCents: 0,
      shippingCents: 0,
      totalCents: 0,
      shippingAddress: { name: "Test Buyer", line1: "1 Test Street", city: "Testville", postalCode: "12345", country: "US" },
    },
  });
}

export async function stockOf(db: Db, productId: string) {
  const product = await db.product.findUniqueOrThrow({ where: { id: productId }, select: { onHand: true, reserved: true } });
  return { ...product, available: product.onHand - product.reserved };
}

/** A signed-in buyer (or admin): a user row plus the session shape procedures receive. */
export async function createTestBuyer(db: Db, role: "user" | "admin" = "user"): Promise<SessionUser> {
  const row = await createTestUser(db);
  return { id: row.id, name: row.name, email: row.email, username: row.username, image: null, role };
}

/** A tRPC caller as a browser would be: signed in as `user`, or a guest holding the cart cookie for `guestCartId`. */
export function shopCaller({ user = null, guestCartId = null }: { user?: SessionUser | null; guestCartId?: CartId | null }) {
  const headers = new Headers(guestCartId ? { cookie: `${CART_COOKIE}=${guestCartId.slice("guest:".length)}` } : {});
  return createCallerFactory(appRouter)({ db, redis, headers, user, resHeaders: new Headers() });
}

export async function fillCart(cartId: CartId, lines: Array<{ productId: string; quantity: number }>) {
  for (const line of lines) await setCartLine(redis, cartId, line);
}

export const TEST_ADDRESS = { name: "Ada Buyer", line1: "1 Market Street", city: "Springfield", postalCode: "12345", country: "US" };
