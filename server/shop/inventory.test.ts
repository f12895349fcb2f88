import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { db } from "@/server/platform/db";
import { commitStock, releaseStock, reserveStock, restockStock } from "./inventory";
import { createTestOrder, createTestProduct, stockOf } from "./orders/orders-test-kit";
import { createVariantProduct, variantStockOf } from "./variants/variants-test-kit";

afterAll(async () => {
  await db.$disconnect();
});

const inHalfAnHour = () => new Date(Date.now() + 30 * 60_000);

async function reserve(orderId: string, lines: Array<{ productId: string; variantId?: string; quantity: number }>) {
  const stockLines = lines.map((line) => ({ ...line, variantId: line.variantId ?? null }));
  await db.$transaction((tx) => reserveStock(tx, { orderId, lines: stockLines, expiresAt: inHalfAnHour() }), { maxWait: 20_000, timeout: 20_000 });
}

describe("inventory", () => {
  it("lets exactly 10 of 50 concurrent buyers reserve the last 10 units", async () => {
    const product = await createTestProduct(db, { onHand: 10 });
    const orders = await Promise.all(Array.from({ length: 50 }, () => createTestOrder(db)));
    const results = await Promise.allSettled(orders.map((order) => reserve(order.id, [{ productId: product.id, quantity: 1 }])));

    const won = results.filter((result) => result.status === "fulfilled");
    const lost = results.flatMap((result) => (result.status === "rejected" ? [result.reason as unknown] : []));
    expect(won).toHaveLength(10);
    expect(lost).toHaveLength(40);
    for (const error of lost) {
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "CONFLICT", message: `${product.name} is sold out.` });
    }
    expect(await stockOf(db, product.id)).toEqual({ onHand: 10, reserved: 10, available: 0 });
    // A losing order kept no reservation rows: its transaction rolled back whole.
    expect(await db.stockReservation.count({ where: { productId: product.id } })).toBe(10);
  });

  it("says how many are left and rolls back every line of an order that cannot be held", async () => {
    const plenty = await createTestProduct(db, { onHand: 5 });
    const scarce = await createTestProduct(db, { onHand: 2, name: "Scarce lamp" });
    const order = await createTestOrder(db);
    await expect(
      reserve(order.id, [
        { productId: plenty.id, quantity: 3 },
        { productId: scarce.id, quantity: 3 },
      ]),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "Only 2 of Scarce lamp left (you asked for 3)." });
    expect(await stockOf(db, plenty.id)).toEqual({ onHand: 5, reserved: 0, available: 5 });
    expect(await db.stockReservation.count({ where: { orderId: order.id } })).toBe(0);
  });

  it("refuses inactive products", async () => {
    const product = await createTestProduct(db, { onHand: 5, name: "Retired kettle" });
    await db.product.update({ where: { id: product.id }, data: { active: false } });
    const order = await createTestOrder(db);
    await expect(reserve(order.id, [{ productId: product.id, quantity: 1 }])).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Retired kettle is no longer available.",
    });
  });

  it("reserves, commits and restocks once each, however often they run", async () => {
    const product = await createTestProduct(db, { onHand: 8 });
    const order = await createTestOrder(db);
    await reserve(order.id, [{ productId: product.id, quantity: 3 }]);
    await reserve(order.id, [{ productId: product.id, quantity: 3 }]);
    expect(await stockOf(db, product.id)).toEqual({ onHand: 8, reserved: 3, available: 5 });

    expect(await commitStock(db, order.id)).toBe(1);
    expect(await commitStock(db, order.id)).toBe(0);
    expect(await releaseStock(db, order.id)).toBe(0);
    expect(await stockOf(db, product.id)).toEqual({ onHand: 5, reserved: 0, available: 5 });

    expect(await restockStock(db, order.id)).toBe(1);
    expect(await restockStock(db, order.id)).toBe(0);
    expect(await stockOf(db, product.id)).toEqual({ onHand: 8, reserved: 0, available: 8 });
  });

  it("releases once, and a released reservation can be neither committed nor restocked", async () => {
    const product = await createTestProduct(db, { onHand: 4 });
    const order = await createTestOrder(db);
    await reserve(order.id, [{ productId: product.id, quantity: 4 }]);
    expect(await stockOf(db, product.id)).toMatchObject({ available: 0 });

    expect(await releaseStock(db, order.id)).toBe(1);
    expect(await releaseStock(db, order.id)).toBe(0);
    expect(await commitStock(db, order.id)).toBe(0);
    expect(await restockStock(db, order.id)).toBe(0);
    expect(await stockOf(db, product.id)).toEqual({ onHand: 4, reserved: 0, available: 4 });
    expect(await db.stockReservation.findMany({ where: { orderId: order.id }, select: { status: true } })).toEqual([{ status: "released" }]);
  });

  it("never lets the counters go negative, even written around the conditional updates", async () => {
    const product = await createTestProduct(db, { onHand: 1 });
    await expect(db.product.update({ where: { id: product.id }, data: { reserved: 2 } })).rejects.toThrow(/shop_product_stock_check/);
  });

  describe("per variant", () => {
    it("lets exactly 3 of 30 concurrent buyers take the last 3 of one size, and leaves the other sizes alone", async () => {
      const { product, variants } = await createVariantProduct(db, { stock: [3, 5, 2, 4], name: "Race tee" });
      const [contested, other] = variants;
      if (!contested || !other) throw new Error("the kit made no variants");
      const orders = await Promise.all(Array.from({ length: 30 }, () => createTestOrder(db)));
      const results = await Promise.allSettled(orders.map((order) => reserve(order.id, [{ productId: product.id, variantId: contested.id, quantity: 1 }])));

      const lost = results.flatMap((result) => (result.status === "rejected" ? [result.reason as unknown] : []));
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(3);
      for (const error of lost) expect(error).toMatchObject({ code: "CONFLICT", message: "Race tee (S · Black) is sold out." });
      expect(await variantStockOf(db, contested.id)).toEqual({ onHand: 3, reserved: 3, available: 0 });
      expect(await variantStockOf(db, other.id)).toEqual({ onHand: 5, reserved: 0, available: 5 });
      // The product's counters are the variants' sums, so the catalog still reads 11 available.
      expect(await stockOf(db, product.id)).toEqual({ onHand: 14, reserved: 3, available: 11 });
    });

    it("holds, commits, releases and restocks two variants of one product in one order", async () => {
      const { product, variants } = await createVariantProduct(db, { stock: [4, 4, 4, 4] });
      const [sBlack, sWhite] = variants;
      if (!sBlack || !sWhite) throw new Error("the kit made no variants");
      const paid = await createTestOrder(db);
      await reserve(paid.id, [
        { productId: product.id, variantId: sWhite.id, quantity: 2 },
        { productId: product.id, variantId: sBlack.id, quantity: 1 },
      ]);
      expect(await stockOf(db, product.id)).toEqual({ onHand: 16, reserved: 3, available: 13 });

      expect(await commitStock(db, paid.id)).toBe(1);
      expect(await variantStockOf(db, sBlack.id)).toEqual({ onHand: 3, reserved: 0, available: 3 });
      expect(await variantStockOf(db, sWhite.id)).toEqual({ onHand: 2, reserved: 0, available: 2 });
      expect(await stockOf(db, product.id)).toEqual({ onHand: 13, reserved: 0, available: 13 });

      expect(await restockStock(db, paid.id)).toBe(1);
      expect(await variantStockOf(db, sWhite.id)).toEqual({ onHand: 4, reserved: 0, available: 4 });
      expect(await stockOf(db, product.id)).toEqual({ onHand: 16, reserved: 0, available: 16 });

      const dropped = await createTestOrder(db);
      await reserve(dropped.id, [{ productId: product.id, variantId: sBlack.id, quantity: 4 }]);
      expect(await releaseStock(db, dropped.id)).toBe(1);
      expect(await variantStockOf(db, sBlack.id)).toEqual({ onHand: 4, reserved: 0, available: 4 });
    });

    it("says which size is short and rolls the whole order back", async () => {
      const { product, variants } = await createVariantProduct(db, { stock: [1, 9, 9, 9], name: "Short tee" });
      const [scarce, plenty] = variants;
      if (!scarce || !plenty) throw new Error("the kit made no variants");
      const order = await createTestOrder(db);
      await expect(
        reserve(order.id, [
          { productId: product.id, variantId: plenty.id, quantity: 2 },
          { productId: product.id, variantId: scarce.id, quantity: 2 },
        ]),
      ).rejects.toMatchObject({ code: "CONFLICT", message: "Only 1 of Short tee (S · Black) left (you asked for 2)." });
      expect(await variantStockOf(db, plenty.id)).toEqual({ onHand: 9, reserved: 0, available: 9 });
      expect(await stockOf(db, product.id)).toMatchObject({ reserved: 0 });
      expect(await db.stockReservation.count({ where: { orderId: order.id } })).toBe(0);
    });

    it("never lets a variant's counters go negative, even written around the conditional updates", async () => {
      const { variants } = await createVariantProduct(db, { stock: [1, 1, 1, 1] });
      await expect(db.productVariant.update({ where: { id: variants[0]?.id }, data: { reserved: 2 } })).rejects.toThrow(/shop_product_variant_stock_check/);
    });
  });
});
