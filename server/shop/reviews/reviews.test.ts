import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { createShopUser, createTestCategory, createTestOrder, createTestProduct, shopCaller } from "@/server/shop/catalog/catalog-test-kit";

afterAll(async () => {
  redis.disconnect();
  await db.$disconnect();
});

async function reviewableProduct() {
  const category = await createTestCategory();
  return createTestProduct({ categoryId: category.id, name: "Reviewed kettle" });
}

async function buyer(productId: string) {
  const user = await createShopUser();
  await createTestOrder(user.id, [productId], "delivered");
  return { user, shop: shopCaller(user) };
}

describe("shop.reviews", () => {
  it("lets a buyer with a delivered order review once, and keeps the rating in step", async () => {
    const product = await reviewableProduct();
    const { shop } = await buyer(product.id);
    expect(await shop.reviews.eligibility({ productId: product.id })).toEqual({ canReview: true, reason: null });

    const review = await shop.reviews.create({ productId: product.id, rating: 4, body: "  Boils fast and pours cleanly.  " });
    expect(review).toMatchObject({ rating: 4, body: "Boils fast and pours cleanly." });
    expect(await db.product.findUniqueOrThrow({ where: { id: product.id } })).toMatchObject({ ratingCount: 1, ratingTotal: 4, ratingAvg: 4 });
    expect(await shop.reviews.eligibility({ productId: product.id })).toEqual({ canReview: false, reason: "already_reviewed" });
    await expect(shop.reviews.create({ productId: product.id, rating: 5, body: "Again" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await shopCaller().catalog.product({ slug: product.slug })).ratingAvg).toBe(4);
  });

  it("refuses people who have not received the product, and signed-out visitors", async () => {
    const product = await reviewableProduct();
    expect(await shopCaller().reviews.eligibility({ productId: product.id })).toEqual({ canReview: false, reason: "sign_in" });
    await expect(shopCaller().reviews.create({ productId: product.id, rating: 5, body: "Great" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });

    const stranger = shopCaller(await createShopUser());
    expect(await stranger.reviews.eligibility({ productId: product.id })).toEqual({ canReview: false, reason: "not_delivered" });
    await expect(stranger.reviews.create({ productId: product.id, rating: 5, body: "Great" })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const shipped = await createShopUser();
    await createTestOrder(shipped.id, [product.id], "shipped");
    await expect(shopCaller(shipped).reviews.create({ productId: product.id, rating: 5, body: "Great" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("validates stars and body length", async () => {
    const product = await reviewableProduct();
    const { shop } = await buyer(product.id);
    for (const bad of [
      { rating: 0, body: "ok" },
      { rating: 6, body: "ok" },
      { rating: 3.5, body: "ok" },
      { rating: 3, body: "   " },
      { rating: 3, body: "x".repeat(2_001) },
    ]) {
      await expect(shop.reviews.create({ productId: product.id, ...bad })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    await expect(shop.reviews.create({ productId: product.id, rating: 1, body: "x".repeat(2_000) })).resolves.toMatchObject({ rating: 1 });
  });

  it("keeps count, total and average exact under concurrent reviews", async () => {
    const product = await reviewableProduct();
    const buyers = await Promise.all(Array.from({ length: 12 }, () => buyer(product.id)));
    const ratings = buyers.map((_, index) => (index % 5) + 1);
    await Promise.all(buyers.map(({ shop }, index) => shop.reviews.create({ productId: product.id, rating: ratings[index] ?? 1, body: `Review ${index}` })));
    // And a double submit from one of them at once: exactly one lands.
    const double = await buyer(product.id);
    const outcomes = await Promise.allSettled([1, 2].map(() => double.shop.reviews.create({ productId: product.id, rating: 5, body: "Twice" })));
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);

    const total = ratings.reduce((sum, rating) => sum + rating, 0) + 5;
    const row = await db.product.findUniqueOrThrow({ where: { id: product.id } });
    expect(row).toMatchObject({ ratingCount: 13, ratingTotal: total });
    expect(row.ratingAvg).toBeCloseTo(total / 13, 10);
    const summary = await shopCaller().reviews.summary({ productId: product.id });
    expect(summary.count).toBe(13);
    expect(summary.distribution).toEqual([
      { stars: 5, count: 3 },
      { stars: 4, count: 2 },
      { stars: 3, count: 2 },
      { stars: 2, count: 3 },
      { stars: 1, count: 3 },
    ]);
  });

  it("lists reviews newest first, a page at a time", async () => {
    const product = await reviewableProduct();
    for (let index = 0; index < 5; index++) {
      const user = await createShopUser();
      await db.productReview.create({ data: { productId: product.id, userId: user.id, rating: 5, body: `Review ${index}`, createdAt: new Date(Date.now() - (5 - index) * 60_000) } });
    }
    const shop = shopCaller();
    const first = await shop.reviews.list({ productId: product.id, limit: 3 });
    expect(first.items.map((review) => review.body)).toEqual(["Review 4", "Review 3", "Review 2"]);
    expect(first.items[0]?.author.name).toMatch(/^Shopper /);
    const second = await shop.reviews.list({ productId: product.id, limit: 3, cursor: first.nextCursor });
    expect(second.items.map((review) => review.body)).toEqual(["Review 1", "Review 0"]);
    expect(second.nextCursor).toBeNull();
  });

  it("lets the author edit and delete their review, moving the rating by the difference", async () => {
    const product = await reviewableProduct();
    const author = await buyer(product.id);
    const other = await buyer(product.id);
    const review = await author.shop.reviews.create({ productId: product.id, rating: 2, body: "Leaks a little." });
    await other.shop.reviews.create({ productId: product.id, rating: 4, body: "Fine." });
    const rating = async () => db.product.findUniqueOrThrow({ where: { id: product.id }, select: { ratingCount: true, ratingTotal: true, ratingAvg: true } });

    const edited = await author.shop.reviews.update({ reviewId: review.id, rating: 5, body: "  The leak was my lid: it is great.  " });
    expect(edited).toMatchObject({ rating: 5, body: "The leak was my lid: it is great.", mine: true, editedAt: expect.any(Date) });
    expect(await rating()).toEqual({ ratingCount: 2, ratingTotal: 9, ratingAvg: 4.5 });
    // Everyone sees the edit; only the author sees it as theirs.
    const seen = await other.shop.reviews.list({ productId: product.id });
    expect(seen.items.map((item) => [item.body, item.mine])).toEqual([["Fine.", true], ["The leak was my lid: it is great.", false]]);

    // Nobody else may change or remove it.
    await expect(other.shop.reviews.update({ reviewId: review.id, rating: 1, body: "Hijacked" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.shop.reviews.delete({ reviewId: review.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(shopCaller().reviews.delete({ reviewId: review.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(author.shop.reviews.update({ reviewId: review.id, rating: 6, body: "x" })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    await author.shop.reviews.delete({ reviewId: review.id });
    expect(await rating()).toEqual({ ratingCount: 1, ratingTotal: 4, ratingAvg: 4 });
    expect(await author.shop.reviews.eligibility({ productId: product.id })).toEqual({ canReview: true, reason: null });
    await expect(author.shop.reviews.delete({ reviewId: review.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await other.shop.reviews.delete({ reviewId: (await other.shop.reviews.list({ productId: product.id })).items[0]?.id ?? "" });
    expect(await rating()).toEqual({ ratingCount: 0, ratingTotal: 0, ratingAvg: 0 });
  });

  it("marks a review 'verified purchase' when its author bought the product, and not otherwise", async () => {
    const product = await reviewableProduct();
    const { shop } = await buyer(product.id);
    expect(await shop.reviews.create({ productId: product.id, rating: 5, body: "Bought it, love it." })).toMatchObject({ verified: true });
    // A review from someone without an order for it (as the demo seed writes them).
    const visitor = await createShopUser();
    await db.productReview.create({ data: { productId: product.id, userId: visitor.id, rating: 3, body: "Tried it at a friend's." } });

    const { items } = await shopCaller().reviews.list({ productId: product.id });
    expect(items.map((review) => [review.body, review.verified])).toEqual([
      ["Tried it at a friend's.", false],
      ["Bought it, love it.", true],
    ]);
  });
});
