import { randomUUID } from "node:crypto";
import type { Db } from "@/server/platform/db";

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
