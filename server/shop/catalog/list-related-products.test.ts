import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { createTestCategory, createTestProduct } from "./catalog-test-kit";
import { listRelatedProducts } from "./list-related-products";

afterAll(async () => {
  redis.disconnect();
  await db.$disconnect();
});

describe("listRelatedProducts", () => {
  it("lists other products of the category on sale, the same brand's first, never the product itself", async () => {
    const category = await createTestCategory();
    const elsewhere = await createTestCategory();
    const product = await createTestProduct({ categoryId: category.id, name: "Main tent", brand: "Ridge" });
    await createTestProduct({ categoryId: category.id, name: "Ridge tarp", brand: "Ridge" });
    await createTestProduct({ categoryId: category.id, name: "Popular stove", brand: "Other", ratingAvg: 5, ratingCount: 40 });
    await createTestProduct({ categoryId: category.id, name: "Hidden poles", brand: "Ridge", active: false });
    await createTestProduct({ categoryId: elsewhere.id, name: "Ridge mug", brand: "Ridge" });

    const related = await listRelatedProducts({ db, product: { id: product.id, brand: "Ridge", category: { slug: category.slug, name: category.name } } });
    expect(related.map((item) => item.name)).toEqual(["Ridge tarp", "Popular stove"]);
  });
});
