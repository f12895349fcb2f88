import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { db } from "@/server/platform/db";
import { commitStock, releaseStock, reserveStock, restockStock } from "./inventory";
import { createTestOrder, createTestProduct, stockOf } from "./orders/orders-test-kit";

afterAll(async () => {
  await db.$disconnect();
});

const inHalfAnHour = () => new Date(Date.now() + 30 * 60_000);

async function reserve(orderId: string, lines: Array<{ productId: string; quantity: number }>) {
  await db.$transaction((tx) => reserveStock(tx, { orderId, lines, expiresAt: inHalfAnHour() }), { maxWait: 20_000, timeout: 20_000 });
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
});
