import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/platform/db";
import { resetRateLimit } from "@/server/platform/ratelimit";
import { redis } from "@/server/platform/redis";
import { userCartId } from "../cart/cart-id";
import { readCartLines } from "../cart/cart-store";
import { TEST_ADDRESS, createTestBuyer, createTestOrder, createTestProduct, shopCaller, stockOf } from "../orders/orders-test-kit";
import { reserveStock } from "../inventory";
import { MAX_OPTION_VALUES, MAX_VARIANTS } from "./variant-rules";
import { createVariantProduct, variantStockOf } from "./variants-test-kit";

afterAll(async () => {
  redis.disconnect();
  await db.$disconnect();
});

beforeEach(async () => {
  await resetRateLimit("checkout", "ip:unknown");
});

const staff = async () => shopCaller({ user: await createTestBuyer(db, "admin") });
const SIZE = { name: "Size", values: ["S", "M"] };
const COLOUR = { name: "Colour", values: ["Black", "White"] };
const variant = (optionValues: string[], sku: string, onHand = 5, priceCents: number | null = null) => ({ optionValues, sku, onHand, priceCents });

describe("shop.adminProducts.setVariants", () => {
  it("turns a product into variants with their own SKU, price and stock; the product's stock becomes their sum", async () => {
    const admin = await staff();
    const product = await createTestProduct(db, { onHand: 3, priceCents: 2_000 });
    const saved = await admin.shop.adminProducts.setVariants({
      productId: product.id,
      options: [SIZE, COLOUR],
      variants: [variant(["S", "Black"], "tee-s-blk", 4), variant(["S", "White"], "TEE-S-WHT", 0), variant(["M", "Black"], "TEE-M-BLK", 6, 2_500)],
    });
    expect(saved.options).toEqual([SIZE, COLOUR]);
    expect(saved.variants.map(({ label, sku, priceCents, onHand, available }) => ({ label, sku, priceCents, onHand, available }))).toEqual([
      { label: "S · Black", sku: "TEE-S-BLK", priceCents: 2_000, onHand: 4, available: 4 },
      { label: "S · White", sku: "TEE-S-WHT", priceCents: 2_000, onHand: 0, available: 0 },
      { label: "M · Black", sku: "TEE-M-BLK", priceCents: 2_500, onHand: 6, available: 6 },
    ]);
    expect(await stockOf(db, product.id)).toEqual({ onHand: 10, reserved: 0, available: 10 });

    // Editing keeps each row's id (matched by its values) and drops the rows left out.
    const [first] = saved.variants;
    const edited = await admin.shop.adminProducts.setVariants({ productId: product.id, options: [SIZE, COLOUR], variants: [variant(["S", "Black"], "TEE-S-BLK", 9)] });
    expect(edited.variants).toMatchObject([{ id: first?.id, onHand: 9 }]);
    expect(await stockOf(db, product.id)).toMatchObject({ onHand: 9 });
    await expect(admin.shop.adminProducts.setStock({ id: product.id, onHand: 1 })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This product counts stock per variant: edit it under Variants.",
    });

    const { variants } = await shopCaller({}).shop.catalog.product({ slug: product.slug });
    expect(variants).toEqual([{ id: first?.id, optionValues: ["S", "Black"], label: "S · Black", sku: "TEE-S-BLK", priceCents: 2_000, available: 9 }]);
  });

  it("enforces the limits: 3 options, 20 values, 100 variants, stock 0…1,000,000, unique SKUs", async () => {
    const admin = await staff();
    const product = await createTestProduct(db);
    const other = await createVariantProduct(db, { stock: [1, 1, 1, 1] });
    const set = (input: { options: Array<{ name: string; values: string[] }>; variants: ReturnType<typeof variant>[] }) =>
      admin.shop.adminProducts.setVariants({ productId: product.id, ...input });
    const many = (count: number) => Array.from({ length: count }, (_, index) => `V${index}`);

    await expect(set({ options: ["A", "B", "C", "D"].map((name) => ({ name, values: ["x"] })), variants: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(set({ options: [{ name: "Size", values: many(MAX_OPTION_VALUES + 1) }], variants: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      set({ options: [{ name: "Size", values: many(20) }, { name: "Fit", values: many(6) }], variants: many(MAX_VARIANTS + 1).map((sku, index) => variant([`V${index % 20}`, `V${Math.floor(index / 20)}`], sku)) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(set({ options: [SIZE], variants: [variant(["S"], "X-1", 1_000_001)] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(set({ options: [SIZE], variants: [variant(["S"], "X-1", -1)] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(set({ options: [SIZE], variants: [variant(["S"], "DUP"), variant(["M"], "dup")] })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "The SKU DUP is used twice." });
    await expect(set({ options: [SIZE], variants: [variant(["XL"], "X-1")] })).rejects.toMatchObject({ message: 'Variant X-1: "XL" is not a value of Size.' });
    await expect(set({ options: [SIZE], variants: [variant(["S"], "X-1"), variant(["S"], "X-2")] })).rejects.toMatchObject({ message: "S is listed twice." });
    const takenSku = other.variants[0]?.sku ?? "";
    await expect(set({ options: [SIZE], variants: [variant(["S"], takenSku)] })).rejects.toMatchObject({ code: "CONFLICT", message: `The SKU ${takenSku} is already used by ${other.product.name}.` });
    // Nothing was written by any refused attempt.
    expect(await db.productVariant.count({ where: { productId: product.id } })).toBe(0);
    expect(await stockOf(db, product.id)).toMatchObject({ onHand: 10 });

    // At the limits exactly, it saves.
    const limit = await set({ options: [{ name: "Size", values: many(20) }, { name: "Fit", values: many(5) }], variants: many(MAX_VARIANTS).map((sku, index) => variant([`V${index % 20}`, `V${Math.floor(index / 20)}`], `${product.slug}-${sku}`, 1_000_000)) });
    expect(limit.variants).toHaveLength(MAX_VARIANTS);
  });

  it("never counts a variant below what unpaid orders hold, nor removes a held one", async () => {
    const admin = await staff();
    const { product, variants } = await createVariantProduct(db, { stock: [5, 5, 5, 5] });
    const [held] = variants;
    if (!held) throw new Error("the kit made no variants");
    const order = await createTestOrder(db);
    await db.$transaction((tx) => reserveStock(tx, { orderId: order.id, lines: [{ productId: product.id, variantId: held.id, quantity: 3 }], expiresAt: new Date(Date.now() + 60_000) }));
    const all = variants.map((row) => variant(row.optionValues, row.sku, 5));

    await expect(admin.shop.adminProducts.setVariants({ productId: product.id, options: [SIZE, COLOUR], variants: all.map((row, index) => (index === 0 ? { ...row, onHand: 2 } : row)) })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "S · Black: 3 units are reserved by unpaid orders, so stock cannot go below 3.",
    });
    await expect(admin.shop.adminProducts.setVariants({ productId: product.id, options: [SIZE, COLOUR], variants: all.slice(1) })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "S · Black has 3 units held by unpaid orders, so it cannot be removed yet.",
    });
    await expect(admin.shop.adminProducts.setVariants({ productId: product.id, options: [], variants: [] })).rejects.toMatchObject({ code: "CONFLICT" });

    const counted = await admin.shop.adminProducts.setVariants({ productId: product.id, options: [SIZE, COLOUR], variants: all.map((row, index) => (index === 0 ? { ...row, onHand: 3 } : row)) });
    expect(counted.variants[0]).toMatchObject({ onHand: 3, reserved: 3, available: 0 });
    expect(await stockOf(db, product.id)).toEqual({ onHand: 18, reserved: 3, available: 15 });
  });
});

describe("cart and checkout with variants", () => {
  it("asks to choose an option for a line added before its product gained variants, and keeps it out of the totals", async () => {
    const product = await createTestProduct(db, { onHand: 5, priceCents: 2_000, name: "Plain tee" });
    const user = await createTestBuyer(db);
    const caller = shopCaller({ user });
    await caller.shop.cart.add({ productId: product.id, quantity: 1 });
    const admin = await staff();
    await admin.shop.adminProducts.setVariants({ productId: product.id, options: [SIZE], variants: [variant(["S"], `${product.slug}-s`), variant(["M"], `${product.slug}-m`)] });

    const cart = await caller.shop.cart.get();
    expect(cart.lines.map((line) => ({ problem: line.problem, slug: line.product?.slug }))).toEqual([{ problem: "choose_option", slug: product.slug }]);
    expect(cart.subtotalCents).toBe(0);

    await db.product.update({ where: { id: product.id }, data: { active: false } });
    expect((await caller.shop.cart.get()).lines[0]?.problem).toBe("unavailable");
  });

  it("adds two sizes of one product as two lines, orders and holds each variant, and names them for the payment page", async () => {
    const { product, variants } = await createVariantProduct(db, { stock: [2, 0, 5, 5], priceCents: 2_000, name: "Logo tee" });
    const [sBlack, sWhite, mBlack] = variants;
    if (!sBlack || !sWhite || !mBlack) throw new Error("the kit made no variants");
    await db.productVariant.update({ where: { id: mBlack.id }, data: { priceCents: 2_400 } });
    const user = await createTestBuyer(db);
    const caller = shopCaller({ user });

    await expect(caller.shop.cart.add({ productId: product.id, quantity: 1 })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Choose an option (such as size or colour) first." });
    await expect(caller.shop.cart.add({ productId: product.id, variantId: sWhite.id, quantity: 1 })).rejects.toMatchObject({ code: "CONFLICT", message: "This product is sold out." });
    await expect(caller.shop.cart.add({ productId: product.id, variantId: sBlack.id, quantity: 3 })).rejects.toMatchObject({ code: "CONFLICT", message: "Only 2 left." });
    await caller.shop.cart.add({ productId: product.id, variantId: sBlack.id, quantity: 2 });
    const cart = await caller.shop.cart.add({ productId: product.id, variantId: mBlack.id, quantity: 1 });
    expect(cart.lines.map((line) => ({ variantId: line.variantId, label: line.product?.variant?.label, total: line.lineTotalCents, problem: line.problem }))).toEqual([
      { variantId: sBlack.id, label: "S · Black", total: 4_000, problem: null },
      { variantId: mBlack.id, label: "M · Black", total: 2_400, problem: null },
    ]);
    expect(cart.subtotalCents).toBe(6_400);

    const started = await caller.shop.checkout.start({ shippingAddress: TEST_ADDRESS });
    const order = await db.order.findUniqueOrThrow({ where: { id: started.orderId }, include: { items: { orderBy: { variantLabel: "asc" } }, reservations: true } });
    expect(order.subtotalCents).toBe(6_400);
    expect(order.items.map(({ variantId, variantLabel, sku, unitPriceCents, quantity }) => ({ variantId, variantLabel, sku, unitPriceCents, quantity }))).toEqual([
      { variantId: mBlack.id, variantLabel: "M · Black", sku: mBlack.sku, unitPriceCents: 2_400, quantity: 1 },
      { variantId: sBlack.id, variantLabel: "S · Black", sku: sBlack.sku, unitPriceCents: 2_000, quantity: 2 },
    ]);
    expect(await variantStockOf(db, sBlack.id)).toEqual({ onHand: 2, reserved: 2, available: 0 });
    expect(await variantStockOf(db, mBlack.id)).toEqual({ onHand: 5, reserved: 1, available: 4 });
    expect(await variantStockOf(db, sWhite.id)).toEqual({ onHand: 0, reserved: 0, available: 0 });

    const session = await db.simulatedCheckoutSession.findUniqueOrThrow({ where: { id: order.checkoutSessionId ?? "" } });
    expect(session.lineItems).toEqual(expect.arrayContaining([expect.objectContaining({ name: "Logo tee (S · Black)", quantity: 2 }), expect.objectContaining({ name: "Logo tee (M · Black)", quantity: 1 })]));

    const view = await caller.shop.orders.get({ orderId: order.id });
    expect(view.items.map((item) => item.variantLabel)).toEqual(["M · Black", "S · Black"]);
    // The cart still holds both lines until payment arrives.
    expect(await readCartLines(redis, userCartId(user.id))).toHaveLength(2);
  });
});
