import { randomBytes, randomUUID } from "node:crypto";
import type { SessionUser } from "@/server/platform/auth";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { createCallerFactory } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";

/** Fixtures for the catalog, review and admin tests (real Postgres and Redis from Vitest's global setup). */

/**
 * A made-up word (letters only, so the english stemmer keeps it whole) that no
 * other test's product contains: putting it in a test's products and its
 * query scopes every count to that test's own rows on the shared database.
 */
export function uniqueWord(): string {
  return Array.from(randomBytes(10), (byte) => String.fromCharCode(97 + (byte % 26))).join("");
}

export async function createTestCategory(name = "Test category") {
  const suffix = randomUUID().slice(0, 8);
  return db.productCategory.create({ data: { slug: `test-${suffix}`, name: `${name} ${suffix}` } });
}

export type TestProductFields = {
  categoryId: string;
  name: string;
  description?: string;
  brand?: string;
  priceCents?: number;
  onHand?: number;
  reserved?: number;
  ratingAvg?: number;
  ratingCount?: number;
  active?: boolean;
  featured?: boolean;
  createdAt?: Date;
};

export async function createTestProduct(fields: TestProductFields) {
  const { ratingAvg = 0, ratingCount = ratingAvg > 0 ? 1 : 0, ...rest } = fields;
  return db.product.create({
    data: {
      slug: `test-${randomUUID()}`,
      description: "A product made by a test.",
      brand: "Testco",
      priceCents: 1_000,
      onHand: 10,
      ...rest,
      ratingAvg,
      ratingCount,
      ratingTotal: Math.round(ratingAvg * ratingCount),
      images: ["/shop/images/test-1.svg", "/shop/images/test-2.svg"],
    },
  });
}

export async function createShopUser(role: "user" | "admin" = "user"): Promise<SessionUser> {
  const id = randomUUID();
  const user = { id, name: `Shopper ${id.slice(0, 6)}`, email: `${id}@shop.test.casebook.dev`, username: null, image: null, role };
  await db.user.create({ data: { id, name: user.name, email: user.email, role } });
  return user;
}

/** tRPC as the browser calls it, signed in as `user` or signed out. */
export function shopCaller(user: SessionUser | null = null) {
  return createCallerFactory(appRouter)({ db, redis, headers: new Headers(), user }).shop;
}

/** An order of `productIds` for `userId` in the given status, as checkout and the admin area would leave it. */
export async function createTestOrder(userId: string, productIds: string[], status: "paid" | "shipped" | "delivered" = "delivered") {
  const products = await db.product.findMany({ where: { id: { in: productIds } } });
  return db.order.create({
    data: {
      userId,
      email: `${userId}@shop.test.casebook.dev`,
      status,
      currency: "usd",
      subtotalCents: products.reduce((sum, product) => sum + product.priceCents, 0),
      shippingCents: 0,
      totalCents: products.reduce((sum, product) => sum + product.priceCents, 0),
      shippingAddress: { name: "Test Buyer", line1: "1 Test Street", city: "Testville", postalCode: "12345", country: "US" },
      items: {
        create: products.map((product) => ({ productId: product.id, productName: product.name, productSlug: product.slug, unitPriceCents: product.priceCents, quantity: 1 })),
      },
    },
  });
}
