import type { Db } from "@/server/platform/db";
import { DEMO_CATEGORIES, DEMO_PRODUCTS, demoImageUrls, slugify, stableHash } from "./demo-catalog-data";

export type CatalogSeedResult = { categoriesCreated: number; productsCreated: number; reviewsCreated: number };

/** The demo shoppers who leave the seeded reviews, when their accounts exist. */
const REVIEWERS = ["bob@casebook.dev", "carol@casebook.dev", "dave@casebook.dev"];
const REVIEW_BODIES: Record<number, string[]> = {
  5: ["Exactly what I hoped for. Well made and it arrived quickly.", "Best purchase this year — I use it every day.", "Excellent quality for the price. Would buy again."],
  4: ["Very good overall; the manual could be clearer.", "Solid and reliable. Docked a star for the packaging.", "Does the job well, a little heavier than expected."],
  3: ["It's fine. Nothing special, nothing wrong.", "Decent, but I expected more at this price."],
  2: ["Stopped working properly after a few weeks.", "Feels cheaper than the photos suggest."],
};

/**
 * The demo store, idempotent: categories and products are created when their
 * slug is missing and otherwise left alone, so stock sold, prices edited in the
 * admin area and reviews written in the demo survive every restart.
 * Seeded reviews (from bob, carol and dave, when they exist) make the rating
 * facet and summaries meaningful; the products' rating columns are then
 * recomputed from the review rows, which is always consistent.
 */
export async function seedDemoCatalog({ db, now = new Date() }: { db: Db; now?: Date }): Promise<CatalogSeedResult> {
  const existingCategories = new Map((await db.productCategory.findMany({ select: { id: true, slug: true } })).map((row) => [row.slug, row.id]));
  let categoriesCreated = 0;
  for (const [position, category] of DEMO_CATEGORIES.entries()) {
    if (existingCategories.has(category.slug)) continue;
    const created = await db.productCategory.create({
      data: { slug: category.slug, name: category.name, description: category.description, position },
      select: { id: true },
    });
    existingCategories.set(category.slug, created.id);
    categoriesCreated++;
  }

  const slugs = DEMO_PRODUCTS.map((product) => slugify(product.name));
  const existingProducts = new Set((await db.product.findMany({ where: { slug: { in: slugs } }, select: { slug: true } })).map((row) => row.slug));
  const toCreate = DEMO_PRODUCTS.flatMap((product, index) => {
    const slug = slugify(product.name);
    const categoryId = existingCategories.get(product.category);
    if (!categoryId || existingProducts.has(slug)) return [];
    return [
      {
        slug,
        name: product.name,
        description: product.description,
        brand: product.brand,
        categoryId,
        priceCents: Math.round(product.price * 100),
        images: demoImageUrls(slug),
        onHand: product.stock,
        featured: product.featured ?? false,
        // Spread over the last 80 days so "newest" sorts visibly.
        createdAt: new Date(now.getTime() - index * 86_400_000),
      },
    ];
  });
  const { count: productsCreated } = await db.product.createMany({ data: toCreate, skipDuplicates: true });

  const reviewsCreated = await seedDemoReviews(db, slugs);
  return { categoriesCreated, productsCreated, reviewsCreated };
}

async function seedDemoReviews(db: Db, slugs: string[]): Promise<number> {
  const reviewers = await db.user.findMany({ where: { email: { in: REVIEWERS } }, select: { id: true, email: true } });
  if (reviewers.length === 0) return 0;
  const products = await db.product.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
  const data = products.flatMap((product) =>
    reviewers.flatMap((reviewer) => {
      const roll = stableHash(`${product.slug}|${reviewer.email}`);
      // About two in three pairs leave a review; ratings lean positive like a real store's.
      if (roll % 3 === 0) return [];
      const rating = [5, 5, 4, 4, 4, 3, 5, 2][roll % 8] ?? 4;
      const bodies = REVIEW_BODIES[rating] ?? [];
      return [{ productId: product.id, userId: reviewer.id, rating, body: bodies[roll % bodies.length] ?? "Good." }];
    }),
  );
  const { count } = await db.productReview.createMany({ data, skipDuplicates: true });
  if (count > 0) {
    await db.$executeRaw`
      UPDATE "shop_product" p
         SET "ratingCount" = r.n, "ratingTotal" = r.total, "ratingAvg" = r.total::float / r.n
        FROM (SELECT "productId", count(*)::int AS n, sum("rating")::int AS total
                FROM "shop_product_review" GROUP BY "productId") r
       WHERE p."id" = r."productId" AND p."slug" = ANY(${slugs})`;
  }
  return count;
}
