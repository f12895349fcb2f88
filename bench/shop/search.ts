/**
 * The search half of bench:shop. Seeds a deterministic catalog (server/shop/
 * catalog/generate-bench-catalog.ts) under its own slug prefix, then runs the
 * same 200 realistic queries with facets on two paths, alternating per query:
 * cold first (the first query of each term, before anything ran it), then warm:
 *
 * - Casebook: `searchProducts` itself (server/shop/catalog/search-products.ts),
 *   the operation behind `shop.catalog.search`, one SQL round trip returning the
 *   page, the total and every facet's counts. Timed in this process around the
 *   call, over a Prisma client on the stack's database (no HTTP in the figure).
 * - Baseline: the plain way: `ILIKE '%word%'` on name or description for every
 *   word, the same filters and sort, the page plus its total (count(*) OVER ()),
 *   and no facets at all; the ILIKEs use pg_trgm GIN indexes (the app's on
 *   name, and one on description the bench adds for the run).
 * The same queries from 16 concurrent clients over HTTP: bench/shop.ts.
 */
import { performance } from "node:perf_hooks";
import { Prisma, type PrismaClient } from "../../server/generated/prisma/client";
import { DEMO_CATEGORIES } from "../../server/shop/catalog/demo-catalog-data";
import { pickWith, seededRandom } from "../../server/platform/seeded-random";
import { generateBenchCatalog } from "../../server/shop/catalog/generate-bench-catalog";
import { optionColumnsOf } from "../../server/shop/catalog/option-keys";
import { searchProducts } from "../../server/shop/catalog/search-products";
import { PRICE_RANGES, SEARCH_PAGE_SIZE, SearchProductsInput, type SearchProductsParams } from "../../server/shop/catalog/search-options";

export type SearchBenchResult = {
  queries: number;
  /** The first query of each distinct term, before any warm-up. */
  coldQueries: number;
  coldP50: number;
  coldP95: number;
  baselineColdP50: number;
  baselineColdP95: number;
  p50: number;
  p95: number;
  p99: number;
  baselineP50: number;
  baselineP95: number;
  /** Queries the baseline answered with nothing although Casebook found products (typos, stemming). */
  baselineMisses: number;
  meanResults: number;
};

const INSERT_CHUNK = 2_000;
const BASELINE_INDEX = "bench_shop_product_description_trgm";

/** Creates the demo categories when missing (they are shared, never removed) and `count` products under `slugPrefix`. */
export async function seedSearchCatalog(db: PrismaClient, { count, slugPrefix, log }: { count: number; slugPrefix: string; log: (line: string) => void }): Promise<void> {
  for (const [position, category] of DEMO_CATEGORIES.entries()) {
    await db.productCategory.upsert({ where: { slug: category.slug }, create: { slug: category.slug, name: category.name, position }, update: {} });
  }
  const categoryIds = new Map((await db.productCategory.findMany({ select: { id: true, slug: true } })).map((row) => [row.slug, row.id]));
  let chunk: Prisma.ProductCreateManyInput[] = [];
  let variantChunk: Prisma.ProductVariantCreateManyInput[] = [];
  let inserted = 0;
  const flush = async () => {
    await db.product.createMany({ data: chunk });
    await db.productVariant.createMany({ data: variantChunk });
    inserted += chunk.length;
    chunk = [];
    variantChunk = [];
    if (inserted % 10_000 === 0 || inserted === count) log(`  ${inserted.toLocaleString("en")} products`);
  };
  for (const product of generateBenchCatalog({ count, slugPrefix })) {
    const { categorySlug, variants, ...fields } = product;
    // Search's option columns as the admin's variant editor writes them (server/shop/variants/set-product-variants.ts).
    const options = variants?.options ?? [];
    const { optionLabels, optionRanks, variantKeys } = optionColumnsOf(options, variants?.variants.map((variant) => variant.optionValues) ?? []);
    // The slug doubles as the id, so the variants can name their product before it is read back.
    chunk.push({ ...fields, id: fields.slug, categoryId: categoryIds.get(categorySlug) ?? "", images: [], options, optionLabels, optionRanks });
    for (const [position, variant] of (variants?.variants ?? []).entries()) {
      variantChunk.push({
        productId: fields.slug,
        sku: `${fields.slug}-${position}`.toUpperCase(),
        optionValues: variant.optionValues,
        optionKeys: variantKeys[position] ?? [],
        onHand: variant.onHand,
        position,
      });
    }
    if (chunk.length === INSERT_CHUNK) await flush();
  }
  if (chunk.length > 0) await flush();
  // The baseline's ILIKE on description gets a trigram index like the app's on name (dropped with the catalog).
  await db.$executeRawUnsafe(`CREATE INDEX IF NOT EXISTS "${BASELINE_INDEX}" ON "shop_product" USING GIN ("description" gin_trgm_ops)`);
  // The state autovacuum leaves a live catalog in: fresh statistics, and the GIN
  // indexes' pending lists merged (a bulk load parks every new entry there, and
  // until a vacuum merges them each search scans that list: measured p95 300 ms instead of 66).
  await db.$executeRawUnsafe(`VACUUM (ANALYZE) "shop_product"`);
  await db.$executeRawUnsafe(`VACUUM (ANALYZE) "shop_product_variant"`);
}

export async function removeSearchCatalog(db: PrismaClient, slugPrefix: string): Promise<void> {
  await db.$executeRawUnsafe(`DROP INDEX IF EXISTS "${BASELINE_INDEX}"`);
  await db.product.deleteMany({ where: { slug: { startsWith: slugPrefix } } });
}

const TERMS = [
  "headphones", "wireless headphones", "noise cancelling earbuds", "bluetooth speaker", "soundbar", "microphone",
  "laptop", "gaming laptop", "4k monitor", "mechanical keyboard", "wireless mouse", "ssd", "webcam",
  "smartphone", "tablet", "charger", "power bank", "phone case", "smartwatch",
  "camera", "mirrorless camera", "lens", "tripod", "drone", "action camera",
  "espresso machine", "kettle", "coffee grinder", "cast iron skillet", "air fryer", "blender", "chef knife",
  "tent", "sleeping bag", "backpack", "water bottle", "headlamp", "rain jacket", "hammock",
  "standing desk", "office chair", "desk lamp", "monitor arm", "bookshelf",
  "dumbbells", "yoga mat", "fitness tracker", "kettlebell", "running shoes", "exercise bike",
  // Typos, as people type them: found only through trigram similarity.
  "hedphones", "keybord", "labtop", "espreso machine", "blendr", "backpak", "sleping bag", "dumbels", "smartphnoe", "tripd",
  // Brand plus product, and feature words that live in descriptions.
  "sonora headphones", "northwind laptop", "crema espresso", "ridgeline tent", "usb-c", "waterproof", "noise cancellation", "gps",
];
const SORT_MIX = ["relevance", "relevance", "relevance", "relevance", "relevance", "relevance", "price-asc", "price-asc", "price-desc", "rating", "newest"] as const;
const BRANDS = ["Sonora", "Northwind", "Vela", "Ironclad", "Lumen", "Crema", "Ridgeline", "Stride"];
/** Searches for things sold in sizes and colours (generate-bench-variants.ts), and what shoppers tick on them. */
const VARIANT_TERMS = new Set(["rain jacket", "running shoes", "backpack", "sleeping bag", "yoga mat", "phone case", "office chair", "mechanical keyboard"]);
const OPTION_TICKS: SearchProductsParams["options"][] = [
  [{ name: "Size", values: ["M"] }],
  [{ name: "Size", values: ["M", "L"] }],
  [{ name: "Size", values: ["42"] }],
  [{ name: "Colour", values: ["Black"] }],
  [{ name: "Colour", values: ["Blue", "Red"] }],
  [
    { name: "Size", values: ["M"] },
    { name: "Colour", values: ["Black"] },
  ],
];

/** 200 queries from a fixed seed: mostly text with one or two facets, some browsing by category, sizes or colours ticked on some searches for clothes and shoes. */
export function benchQueries(count = 200): SearchProductsParams[] {
  let state = 7;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  // Option ticks draw from a stream of their own, so every other parameter is the same as before they were added.
  const optionRandom = seededRandom(11);
  return Array.from({ length: count }, () => {
    const browse = random() < 0.1;
    const q = browse ? "" : pick(TERMS);
    const ticks = (browse || VARIANT_TERMS.has(q)) && optionRandom() < 0.6 ? pickWith(optionRandom, OPTION_TICKS) : [];
    return SearchProductsInput.parse({
      q,
      category: browse || random() < 0.3 ? [pick(DEMO_CATEGORIES).slug] : [],
      brand: random() < 0.15 ? [pick(BRANDS)] : [],
      price: random() < 0.3 ? [pick(PRICE_RANGES).key] : [],
      rating: random() < 0.15 ? 4 : null,
      inStock: random() < 0.3,
      sort: pick(SORT_MIX),
      page: random() < 0.85 ? 1 : 2 + Math.floor(random() * 2),
      options: ticks,
    });
  });
}

/** The plain approach the issue compares against: trigram-indexed ILIKE, same filters, no ranking, no facets. */
export async function baselineSearch(db: PrismaClient, params: SearchProductsParams): Promise<{ rows: Array<{ id: string; name: string; priceCents: number }>; total: number }> {
  const words = params.q.split(/\s+/).filter(Boolean);
  const conditions: Prisma.Sql[] = [Prisma.sql`p."active"`];
  for (const word of words) {
    const pattern = `%${word.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    conditions.push(Prisma.sql`(p."name" ILIKE ${pattern} OR p."description" ILIKE ${pattern})`);
  }
  if (params.category.length) conditions.push(Prisma.sql`c."slug" = ANY(${params.category}::text[])`);
  if (params.brand.length) conditions.push(Prisma.sql`p."brand" = ANY(${params.brand}::text[])`);
  if (params.price.length) {
    const ranges = PRICE_RANGES.filter((range) => params.price.includes(range.key)).map(
      (range) => Prisma.sql`(p."priceCents" >= ${range.from ?? 0} AND p."priceCents" < ${range.to ?? 2_147_483_647})`,
    );
    conditions.push(Prisma.join(ranges, " OR ", "(", ")"));
  }
  if (params.rating) conditions.push(Prisma.sql`p."ratingAvg" >= ${params.rating}`);
  if (params.inStock) conditions.push(Prisma.sql`p."onHand" > p."reserved"`);
  const order = {
    relevance: Prisma.sql`p."ratingCount" DESC, p."id"`,
    "price-asc": Prisma.sql`p."priceCents" ASC, p."id"`,
    "price-desc": Prisma.sql`p."priceCents" DESC, p."id"`,
    rating: Prisma.sql`p."ratingAvg" DESC, p."id"`,
    newest: Prisma.sql`p."createdAt" DESC, p."id"`,
  }[params.sort];
  const rows = await db.$queryRaw<Array<{ id: string; name: string; priceCents: number; total: number }>>`
    SELECT p."id", p."name", p."priceCents", count(*) OVER ()::int AS total
      FROM "shop_product" p JOIN "shop_category" c ON c."id" = p."categoryId"
     WHERE ${Prisma.join(conditions, " AND ")}
     ORDER BY ${order}
     LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${(params.page - 1) * SEARCH_PAGE_SIZE}`;
  return { rows, total: rows[0]?.total ?? 0 };
}

/**
 * The warm queries from the slowest down to the one at the p95 (the 11th of
 * 200), so a p95 that moves can be traced to the queries behind it and
 * their plans (searchQuery + EXPLAIN ANALYZE).
 */
function logSlowest(warm: { ms: number; params: SearchProductsParams }[], log: (line: string) => void): void {
  const atP95 = warm.length - Math.ceil(warm.length * 0.95) + 1;
  log(`Slowest ${atP95} warm queries (the last is the p95):`);
  for (const { ms, params } of [...warm].sort((a, b) => b.ms - a.ms).slice(0, atP95)) log(`  ${ms.toFixed(1)} ms  ${describeQuery(params)}`);
}

function describeQuery(params: SearchProductsParams): string {
  const parts = [params.q ? `"${params.q}"` : "(browse)"];
  if (params.category.length) parts.push(`category=${params.category.join("|")}`);
  if (params.brand.length) parts.push(`brand=${params.brand.join("|")}`);
  if (params.price.length) parts.push(`price=${params.price.join("|")}`);
  if (params.rating) parts.push(`rating>=${params.rating}`);
  if (params.inStock) parts.push("in-stock");
  for (const option of params.options) parts.push(`${option.name}=${option.values.join("|")}`);
  parts.push(`sort=${params.sort}`);
  if (params.page > 1) parts.push(`page=${params.page}`);
  return parts.join(" ");
}

/** The value at `fraction` of the times (sorted here), to 0.1 ms. */
export function percentile(times: number[], fraction: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * fraction) - 1));
  return Math.round((sorted[index] ?? 0) * 10) / 10;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

export async function runSearchBench(db: PrismaClient, { log }: { log: (line: string) => void }): Promise<SearchBenchResult> {
  const queries = benchQueries();
  // Cold: the first query of each term, the order alternating so neither path always warms the pages for the other.
  const firstOfEachTerm = [...new Map(queries.map((params) => [params.q, params])).values()];
  log(`Cold: the first query of each of ${firstOfEachTerm.length} terms on both paths...`);
  const coldOurs: number[] = [];
  const coldTheirs: number[] = [];
  for (const [index, params] of firstOfEachTerm.entries()) {
    const ours = () => timed(() => searchProducts({ db, params })).then((ms) => coldOurs.push(ms));
    const theirs = () => timed(() => baselineSearch(db, params)).then((ms) => coldTheirs.push(ms));
    if (index % 2 === 0) await ours().then(theirs);
    else await theirs().then(ours);
  }
  log("Warm-up: every query once on both paths...");
  for (const params of queries) {
    await searchProducts({ db, params });
    await baselineSearch(db, params);
  }
  log(`Measuring ${queries.length} queries, Casebook and baseline alternating...`);
  const ours: number[] = [];
  const warm: { ms: number; params: SearchProductsParams }[] = [];
  const theirs: number[] = [];
  let baselineMisses = 0;
  let results = 0;
  for (const params of queries) {
    let started = performance.now();
    const result = await searchProducts({ db, params });
    const ms = performance.now() - started;
    ours.push(ms);
    warm.push({ ms, params });
    started = performance.now();
    const baselineTotal = (await baselineSearch(db, params)).total;
    theirs.push(performance.now() - started);
    results += result.total;
    if (baselineTotal === 0 && result.total > 0) baselineMisses++;
  }
  logSlowest(warm, log);
  return {
    queries: queries.length,
    coldQueries: firstOfEachTerm.length,
    coldP50: percentile(coldOurs, 0.5),
    coldP95: percentile(coldOurs, 0.95),
    baselineColdP50: percentile(coldTheirs, 0.5),
    baselineColdP95: percentile(coldTheirs, 0.95),
    p50: percentile(ours, 0.5),
    p95: percentile(ours, 0.95),
    p99: percentile(ours, 0.99),
    baselineP50: percentile(theirs, 0.5),
    baselineP95: percentile(theirs, 0.95),
    baselineMisses,
    meanResults: Math.round(results / queries.length),
  };
}
