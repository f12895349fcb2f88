import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { createShopUser, createTestCategory, createTestProduct, shopCaller, uniqueWord } from "@/server/shop/catalog/catalog-test-kit";

afterAll(async () => {
  redis.disconnect();
  await db.$disconnect();
});

const admin = async () => shopCaller(await createShopUser("admin"));

describe("shop.adminProducts", () => {
  it("is for admins only", async () => {
    const category = await createTestCategory();
    const product = await createTestProduct({ categoryId: category.id, name: "Guarded" });
    const user = shopCaller(await createShopUser());
    await expect(user.adminProducts.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(user.adminProducts.update({ id: product.id, priceCents: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(user.adminProducts.setStock({ id: product.id, onHand: 0 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(shopCaller().adminProducts.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).priceCents).toBe(1_000);
  });

  it("creates a product that search finds, with a unique slug", async () => {
    const staff = await admin();
    const category = await createTestCategory();
    const word = uniqueWord();
    const fields = {
      name: `Copper Kettle ${word}`,
      description: "Hand-hammered copper, 1.2 litres.",
      brand: "Smithy",
      categorySlug: category.slug,
      priceCents: 8_900,
      images: ["/shop/images/copper-1.svg", "https://cdn.example.com/copper-2.jpg"],
      featured: false,
      active: true,
      onHand: 7,
    };
    const created = await staff.adminProducts.create(fields);
    expect(created).toMatchObject({ slug: `copper-kettle-${word}`, onHand: 7, reserved: 0, available: 7, category: { slug: category.slug } });
    const twin = await staff.adminProducts.create(fields);
    expect(twin.slug).toMatch(new RegExp(`^copper-kettle-${word}-[0-9a-f]{6}$`));
    expect((await shopCaller().catalog.search({ q: word })).total).toBe(2);

    await expect(staff.adminProducts.create({ ...fields, categorySlug: "no-such-category" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(staff.adminProducts.create({ ...fields, priceCents: -1 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(staff.adminProducts.create({ ...fields, images: ["javascript:alert(1)"] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(staff.adminProducts.create({ ...fields, name: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("edits fields (keeping the others), hides and lists products", async () => {
    const staff = await admin();
    const category = await createTestCategory();
    const other = await createTestCategory();
    const word = uniqueWord();
    const product = await createTestProduct({ categoryId: category.id, name: `Desk Fan ${word}`, brand: "Breeze", priceCents: 3_000 });
    const updated = await staff.adminProducts.update({ id: product.id, name: `Quiet Desk Fan ${word}`, priceCents: 3_500, categorySlug: other.slug, featured: true });
    expect(updated).toMatchObject({ slug: product.slug, name: `Quiet Desk Fan ${word}`, brand: "Breeze", priceCents: 3_500, featured: true, category: { slug: other.slug } });
    expect(updated.images).toEqual(product.images);

    const listed = await staff.adminProducts.list({ search: word });
    expect(listed.items.map((item) => item.id)).toEqual([product.id]);
    await staff.adminProducts.update({ id: product.id, active: false });
    expect((await shopCaller().catalog.search({ q: word })).total).toBe(0);
    expect((await staff.adminProducts.list({ search: word })).items[0]).toMatchObject({ active: false });
    await expect(staff.adminProducts.update({ id: "missing", priceCents: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("sets stock but never below the units reserved by unpaid orders", async () => {
    const staff = await admin();
    const category = await createTestCategory();
    const product = await createTestProduct({ categoryId: category.id, name: "Reserved lamp", onHand: 10, reserved: 4 });
    await shopCaller().catalog.product({ slug: product.slug });

    expect(await staff.adminProducts.setStock({ id: product.id, onHand: 6 })).toMatchObject({ onHand: 6, reserved: 4, available: 2 });
    expect(await staff.adminProducts.setStock({ id: product.id, onHand: 4 })).toMatchObject({ onHand: 4, available: 0 });
    await expect(staff.adminProducts.setStock({ id: product.id, onHand: 3 })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "4 units are reserved by unpaid orders, so stock cannot go below 4.",
    });
    await expect(staff.adminProducts.setStock({ id: product.id, onHand: -1 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).onHand).toBe(4);
    expect(await shopCaller().catalog.product({ slug: product.slug })).toMatchObject({ available: 0 });
  });
});
