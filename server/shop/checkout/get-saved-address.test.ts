import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { createShopUser, createTestCategory, createTestOrder, createTestProduct } from "@/server/shop/catalog/catalog-test-kit";
import { getSavedAddress } from "./get-saved-address";

afterAll(async () => {
  redis.disconnect();
  await db.$disconnect();
});

const HOME = { name: "Ada Buyer", line1: "3 Harbour Road", city: "Portsmouth", postalCode: "PO1 3AX", country: "GB" };

describe("getSavedAddress", () => {
  it("is the address of the buyer's latest order that has a valid one, and nobody else's", async () => {
    const category = await createTestCategory();
    const product = await createTestProduct({ categoryId: category.id, name: "Address test mug" });
    const buyer = await createShopUser();
    const other = await createShopUser();
    expect(await getSavedAddress({ db, userId: buyer.id })).toBeNull();

    const older = await createTestOrder(buyer.id, [product.id]);
    await db.order.update({ where: { id: older.id }, data: { shippingAddress: HOME, createdAt: new Date(Date.now() - 60_000) } });
    // A newer order whose stored address no longer passes today's rules is skipped.
    const newer = await createTestOrder(buyer.id, [product.id]);
    await db.order.update({ where: { id: newer.id }, data: { shippingAddress: {} } });
    await createTestOrder(other.id, [product.id]);

    expect(await getSavedAddress({ db, userId: buyer.id })).toEqual(HOME);
  });
});
