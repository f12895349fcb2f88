import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { createShopUser, createTestCategory, createTestProduct, shopCaller, uniqueWord } from "./catalog-test-kit";

afterAll(async () => {
  redis.disconnect();
  await db.$disconnect();
});

const cacheKey = (slug: string) => `casebook:shop:product:${slug}`;

describe("shop.catalog.product", () => {
  it("serves static fields from the Redis cache, stock always live, until an admin edit invalidates it", async () => {
    const category = await createTestCategory();
    const product = await createTestProduct({ categoryId: category.id, name: `Cached Kettle ${uniqueWord()}`, priceCents: 4_500, onHand: 5 });
    const shop = shopCaller();

    const first = await shop.catalog.product({ slug: product.slug });
    expect(first).toMatchObject({ id: product.id, name: product.name, priceCents: 4_500, available: 5, category: { slug: category.slug } });
    expect(JSON.parse((await redis.get(cacheKey(product.slug))) ?? "{}")).toMatchObject({ id: product.id, priceCents: 4_500 });

    // Written behind the cache's back: the price stays cached, the stock does not.
    await db.product.update({ where: { id: product.id }, data: { priceCents: 9_999, reserved: 3 } });
    expect(await shop.catalog.product({ slug: product.slug })).toMatchObject({ priceCents: 4_500, available: 2 });

    const admin = shopCaller(await createShopUser("admin"));
    await admin.adminProducts.update({ id: product.id, priceCents: 5_000 });
    expect(await redis.exists(cacheKey(product.slug))).toBe(0);
    expect(await shop.catalog.product({ slug: product.slug })).toMatchObject({ priceCents: 5_000, available: 2 });
  });

  it("is NOT_FOUND for unknown and hidden products, even when a hidden one is still cached", async () => {
    const category = await createTestCategory();
    const product = await createTestProduct({ categoryId: category.id, name: "Soon hidden" });
    const shop = shopCaller();
    await shop.catalog.product({ slug: product.slug });
    await db.product.update({ where: { id: product.id }, data: { active: false } });
    await expect(shop.catalog.product({ slug: product.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(shop.catalog.product({ slug: "no-such-product" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists categories with their product counts and featured products on the home", async () => {
    const category = await createTestCategory("Home");
    const featured = await createTestProduct({ categoryId: category.id, name: "Featured lamp", featured: true, ratingAvg: 5, ratingCount: 100_000 });
    await createTestProduct({ categoryId: category.id, name: "Plain lamp" });
    await createTestProduct({ categoryId: category.id, name: "Hidden lamp", active: false });
    const home = await shopCaller().catalog.home();
    expect(home.categories.find((candidate) => candidate.slug === category.slug)).toMatchObject({ productCount: 2 });
    expect(home.featured[0]).toMatchObject({ id: featured.id, featured: true });
    expect(home.featured.every((product) => product.featured && product.active)).toBe(true);
  });
});
