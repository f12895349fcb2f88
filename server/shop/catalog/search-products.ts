import { Prisma } from "@/server/generated/prisma/client";
import type { Db } from "@/server/platform/db";
import { FACET_KEYS, facetCountCtes, type FacetKey, type FiltersBut } from "./facet-counts";
import { matchedVariantId, OPTION_FACET_COLUMNS, optionConditions, optionFacetCtes, optionJoin, toOptionFacets, type OptionFacet, type OptionLabelRow } from "./option-facets";
import { toProductView, type ProductRow, type ProductView } from "./product-view";
import { PRICE_RANGES, RATING_STEPS, SEARCH_PAGE_SIZE, type PriceRangeKey, type SearchProductsParams } from "./search-options";

export type FacetOption = { value: string; label: string; count: number; selected: boolean };
export type SearchFacets = {
  categories: FacetOption[];
  brands: FacetOption[];
  prices: FacetOption[];
  /** value is the minimum stars ("4" = 4 stars & up). */
  ratings: FacetOption[];
  inStock: { count: number; selected: boolean };
  /** Size, Colour, ...: the options the matching products' variants have (option-facets.ts). */
  options: OptionFacet[];
};
/** A result; with options ticked, `variantId` names the matching variant its link opens on (else null). */
export type SearchItem = ProductView & { variantId: string | null };
export type SearchResult = {
  items: SearchItem[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  facets: SearchFacets;
  /**
   * Set when no product matched the words as typed and the results are typo
   * matches: the query with each word replaced by its closest word in the
   * found products' names ("hedphones" → "headphones"). Null otherwise.
   */
  correctedQuery: string | null;
};

/** How many brands the facet lists (most common first; selected ones always). */
const BRAND_FACET_SIZE = 30;
/** How close (pg_trgm similarity) a word of a found product's name must be to a typed word to correct it. */
const CORRECTION_MIN_SIMILARITY = 0.3;

type ResultRow = {
  items: (ProductRow & { variantId: string | null })[] | null;
  total: number;
  categories: { slug: string; name: string; count: number }[] | null;
  brands: { brand: string; count: number }[] | null;
  prices: Record<string, number> | null;
  ratings: Record<string, number> | null;
  in_stock: number;
  option_labels: OptionLabelRow[] | null;
  option_counts: Record<string, number> | null;
  corrected: string | null;
};

/**
 * Catalog search and browse in ONE SQL round trip.
 *
 * Matching: the generated, weighted "searchVector" (name A, brand B,
 * description C) against websearch_to_tsquery, OR the query as a whole being
 * trigram-similar to a word run of the name (`q <% name`, pg_trgm's
 * word_similarity ≥ 0.6) so "hedphones" still finds headphones. Both sides of
 * the OR have a GIN index (shop_product_search_idx, shop_product_name_trgm_idx):
 * the planner ORs two bitmap index scans instead of reading the table.
 * Ranking: ts_rank (A-weighted name hits score five times C-weighted
 * description hits) plus the name's word similarity, so a name match outranks
 * a description match and a near-miss typo still ranks by closeness.
 *
 * Facets are disjunctive: every facet's counts apply all the other filters but
 * not its own, so ticking "Sonora" still shows how many "Vela" would add. The
 * matched rows are computed once (a MATERIALIZED CTE carrying one boolean per
 * filter in use) and read twice: once for the page (top-N sort) and once by a
 * single GROUPING SETS aggregate that counts every facet, each with FILTER on
 * the other facets' booleans. Measured on 50,000 products this was 2-3× faster
 * than one aggregate per facet (bench/shop/search.ts). Browsing (no query)
 * matches the whole catalog: 50,000 rows overflow work_mem and spill the CTE to
 * disk, so there the CTE is inlined and read twice from shop_product_facet_idx,
 * a covering index of exactly the columns used here (index-only scans, never
 * the table's wide rows).
 */
export async function searchProducts({ db, params }: { db: Db; params: SearchProductsParams }): Promise<SearchResult> {
  const [row] = await db.$queryRaw<ResultRow[]>(searchQuery(params));
  const total = row?.total ?? 0;
  return {
    items: (row?.items ?? []).map((item) => ({ ...toProductView(item), variantId: item.variantId })),
    total,
    page: params.page,
    pageSize: SEARCH_PAGE_SIZE,
    pageCount: Math.ceil(total / SEARCH_PAGE_SIZE),
    facets: toFacets(row, params),
    correctedQuery: correctionOf(row?.corrected ?? null, params.q),
  };
}

/** The one statement behind a search (exported so its plan can be inspected with EXPLAIN ANALYZE). */
export function searchQuery(params: SearchProductsParams): Prisma.Sql {
  const q = params.q;
  const tsQuery = Prisma.sql`websearch_to_tsquery('english', ${q})`;
  // Ranking costs more per matched row than matching does, so it is computed only when the results are sorted by it.
  const rank = q !== "" && params.sort === "relevance" ? Prisma.sql`ts_rank(p."searchVector", ${tsQuery})` : Prisma.sql`0::real`;

  // Only the filters in use appear in the SQL, so an unused facet costs nothing per row.
  const filters: Partial<Record<FacetKey, Prisma.Sql>> = {};
  const categoryIds = params.category.length ? Prisma.sql`SELECT "id" FROM "shop_category" WHERE "slug" = ANY(${params.category}::text[])` : null;
  if (categoryIds) filters.category = Prisma.sql`p."categoryId" = ANY(ARRAY(${categoryIds}))`;
  if (params.brand.length) filters.brand = Prisma.sql`p."brand" = ANY(${params.brand}::text[])`;
  if (params.price.length) filters.price = Prisma.join(params.price.map(priceCondition), " OR ", "(", ")");
  if (params.rating) filters.rating = Prisma.sql`p."ratingAvg" >= ${params.rating}`;
  if (params.inStock) filters.stock = Prisma.sql`p."onHand" > p."reserved"`;
  // With options ticked, "In stock only" counts products with a matching variant in stock, not just any stock.
  const option = optionConditions(params);
  if (option) filters.option = option.filter;
  const active = FACET_KEYS.filter((key) => filters[key]);
  /** The filters as the CTE's boolean columns, all of them or all but one facet's own. */
  const allBut: FiltersBut = (except) => {
    const columns = active.filter((key) => key !== except).map((key) => Prisma.raw(`f_${key}`));
    return columns.length ? Prisma.join(columns, " AND ") : Prisma.sql`TRUE`;
  };
  const filterColumns = active.map((key) => Prisma.sql`, ${filters[key] ?? Prisma.sql`TRUE`} AS ${Prisma.raw(`f_${key}`)}`);
  const offset = (params.page - 1) * SEARCH_PAGE_SIZE;
  const from = Prisma.sql`"shop_product" p ${optionJoin(params)}`;
  const columns = Prisma.sql`p."id", p."categoryId", p."brand", p."priceCents", p."ratingAvg", p."ratingCount", p."createdAt", p."featured",
    ${option ? option.inStock : Prisma.sql`p."onHand" > p."reserved"`} AS in_stock, ${priceKeyExpression()} AS price_key, ${rank} AS rank,
    p."optionLabels" AS option_labels, p."optionRanks" AS option_ranks${q ? Prisma.sql`, p."name"` : Prisma.empty}
    ${filterColumns.length ? Prisma.join(filterColumns, " ", "", "") : Prisma.empty}`;

  return Prisma.sql`
    WITH m AS ${q ? Prisma.sql`MATERIALIZED` : Prisma.sql`NOT MATERIALIZED`} (
      ${q ? textMatches(columns, from, q, tsQuery, params.exact) : Prisma.sql`SELECT ${columns} FROM ${from} WHERE p."active"`}
    ),
    ${facetCountCtes(allBut, categoryIds)},
    page AS (
      SELECT "id", row_number() OVER () AS position
        FROM (SELECT "id" FROM m WHERE ${allBut()} ORDER BY ${orderBy(params.sort, q)} LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${offset}) ordered
    ),
    ${optionFacetCtes(params, allBut("option"), q !== "" || params.category.length > 0)}${q ? Prisma.sql`,
    ${NAME_WORDS_CTE}` : Prisma.empty}
    SELECT
      (SELECT json_agg(json_build_object(
                'id', p."id", 'slug', p."slug", 'name', p."name", 'description', p."description", 'brand', p."brand",
                'priceCents', p."priceCents", 'currency', p."currency", 'images', p."images", 'onHand', p."onHand",
                'reserved', p."reserved", 'ratingAvg', p."ratingAvg", 'ratingCount', p."ratingCount",
                'featured', p."featured", 'active', p."active", 'category', json_build_object('slug', c."slug", 'name', c."name"),
                'variantId', ${matchedVariantId(params)})
              ORDER BY page.position)
         FROM page JOIN "shop_product" p ON p."id" = page."id" JOIN "shop_category" c ON c."id" = p."categoryId") AS items,
      (SELECT total FROM agg WHERE set_id = 7) AS total,
      (SELECT json_agg(json_build_object('slug', c."slug", 'name', c."name", 'count', coalesce(a.by_category, 0)) ORDER BY c."position", c."name")
         FROM "shop_category" c LEFT JOIN category_counts a ON a."categoryId" = c."id") AS categories,
      (SELECT json_agg(json_build_object('brand', b."brand", 'count', b.by_brand) ORDER BY b.by_brand DESC, b."brand")
         FROM (SELECT "brand", by_brand FROM agg WHERE set_id = 5 AND by_brand > 0
                ORDER BY ${params.brand.length ? Prisma.sql`"brand" = ANY(${params.brand}::text[]) DESC,` : Prisma.empty} by_brand DESC, "brand"
                LIMIT ${BRAND_FACET_SIZE}) b) AS brands,
      (SELECT json_object_agg(price_key, by_price) FROM agg WHERE set_id = 6) AS prices,
      (SELECT json_build_object(${Prisma.join(RATING_STEPS.map((stars) => Prisma.sql`${String(stars)}::text, ${Prisma.raw(`rating_${stars}`)}`))})
         FROM agg WHERE set_id = 7) AS ratings,
      (SELECT in_stock FROM agg WHERE set_id = 7) AS in_stock,
      ${OPTION_FACET_COLUMNS},
      ${q ? correctionSql(q) : Prisma.sql`NULL::text`} AS corrected`;
}

/**
 * The products a query matches: every product whose words match (full-text),
 * and, when those are fewer than a page, the products whose name is a near
 * miss of the query as typed (pg_trgm's `<%`: word similarity ≥ 0.6), so
 * "hedphones" finds headphones. Typo matching only when the words as typed
 * find too little is what keeps common queries cheap: measured on 50,000
 * products, checking trigram similarity on every candidate of a broad query
 * like "sonora headphones" took 25 ms of its 38 ms, for 2,000 extra results
 * nobody typed. The fallback's guard is an uncorrelated subquery, so Postgres
 * evaluates it once and skips the trigram scan entirely when it is false.
 */
function textMatches(columns: Prisma.Sql, from: Prisma.Sql, q: string, tsQuery: Prisma.Sql, exact: boolean): Prisma.Sql {
  const asTyped = Prisma.sql`SELECT ${columns}, FALSE AS typo FROM ${from} WHERE p."active" AND p."searchVector" @@ ${tsQuery}`;
  if (exact) return asTyped;
  return Prisma.sql`
      ${asTyped}
      UNION ALL
      SELECT ${columns}, TRUE AS typo FROM ${from}
       WHERE p."active" AND ${q} <% p."name" AND NOT p."searchVector" @@ ${tsQuery}
         AND (SELECT count(*) FROM (SELECT 1 FROM "shop_product" WHERE "active" AND "searchVector" @@ ${tsQuery} LIMIT ${SEARCH_PAGE_SIZE}) words) < ${SEARCH_PAGE_SIZE}`;
}

/**
 * "Showing results for headphones": when every match is a typo match (none
 * for the words as typed), each typed word becomes the most similar word of
 * the matched products' names (pg_trgm similarity), kept as typed when none is
 * close. A CASE runs its subquery only when its condition holds, so a query
 * whose words matched pays two EXISTS probes of the materialized matches and
 * nothing more (NAME_WORDS_CTE, read only there, is computed on first read).
 */
function correctionSql(q: string): Prisma.Sql {
  const minimum = Prisma.raw(String(CORRECTION_MIN_SIMILARITY));
  return Prisma.sql`CASE WHEN EXISTS (SELECT 1 FROM m WHERE typo) AND NOT EXISTS (SELECT 1 FROM m WHERE NOT typo) THEN (
        SELECT string_agg(coalesce(best.word, typed.word), ' ' ORDER BY typed.position)
          FROM regexp_split_to_table(lower(${q}), '[^[:alnum:]]+') WITH ORDINALITY AS typed(word, position)
          LEFT JOIN LATERAL (
            SELECT named.word
              FROM name_words named
             WHERE named.word <> '' AND similarity(named.word, typed.word) >= ${minimum}
             ORDER BY similarity(named.word, typed.word) DESC, named.word
             LIMIT 1) best ON TRUE
         WHERE typed.word <> '') END`;
}

/** The words of the matches' names, once: inside the correction's LATERAL they were split again for every typed word. */
const NAME_WORDS_CTE = Prisma.sql`name_words AS MATERIALIZED (SELECT DISTINCT regexp_split_to_table(lower("name"), '[^[:alnum:]]+') AS word FROM m)`;

/** The correction, unless it only repeats the words as typed. */
function correctionOf(corrected: string | null, q: string): string | null {
  const typed = q.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(" ");
  return corrected && corrected !== typed ? corrected : null;
}

function priceCondition(key: PriceRangeKey): Prisma.Sql {
  const range = PRICE_RANGES.find((candidate) => candidate.key === key);
  if (!range) return Prisma.sql`FALSE`;
  const from = range.from === null ? Prisma.sql`TRUE` : Prisma.sql`p."priceCents" >= ${range.from}`;
  const to = range.to === null ? Prisma.sql`TRUE` : Prisma.sql`p."priceCents" < ${range.to}`;
  return Prisma.sql`(${from} AND ${to})`;
}

function priceKeyExpression(): Prisma.Sql {
  const branches = PRICE_RANGES.filter((range) => range.to !== null).map((range) => Prisma.sql`WHEN p."priceCents" < ${range.to} THEN ${range.key}`);
  const last = PRICE_RANGES[PRICE_RANGES.length - 1];
  return Prisma.sql`CASE ${Prisma.join(branches, " ")} ELSE ${last?.key ?? ""} END`;
}

/**
 * Ties always end on id so pages never repeat or skip a product. Relevance's
 * word similarity is computed here, on the rows the filters keep, rather than
 * with the matches: it is the costly part of the score (measured: 2,341
 * matches of "smartphnoe", 10 ms of word_similarity), and a ticked filter
 * often keeps a few dozen of them.
 */
function orderBy(sort: SearchProductsParams["sort"], q: string): Prisma.Sql {
  switch (sort) {
    case "price-asc":
      return Prisma.sql`"priceCents" ASC, "id"`;
    case "price-desc":
      return Prisma.sql`"priceCents" DESC, "id"`;
    case "rating":
      return Prisma.sql`"ratingAvg" DESC, "ratingCount" DESC, "id"`;
    case "newest":
      return Prisma.sql`"createdAt" DESC, "id"`;
    case "relevance":
      // Browsing has no text to rank by: featured first, then the most reviewed.
      return q ? Prisma.sql`rank + word_similarity(${q}, "name") DESC, "ratingCount" DESC, "id"` : Prisma.sql`"featured" DESC, "ratingCount" DESC, "createdAt" DESC, "id"`;
  }
}

function toFacets(row: ResultRow | undefined, params: SearchProductsParams): SearchFacets {
  const categories = (row?.categories ?? [])
    .filter((category) => category.count > 0 || params.category.includes(category.slug))
    .map((category) => ({ value: category.slug, label: category.name, count: category.count, selected: params.category.includes(category.slug) }));
  const brands: FacetOption[] = (row?.brands ?? []).map((brand) => ({ value: brand.brand, label: brand.brand, count: brand.count, selected: params.brand.includes(brand.brand) }));
  // A selected brand that the other filters leave with nothing still shows (at 0) so it can be unticked.
  for (const selected of params.brand) {
    if (!brands.some((brand) => brand.value === selected)) brands.push({ value: selected, label: selected, count: 0, selected: true });
  }
  return {
    categories,
    brands,
    prices: PRICE_RANGES.map((range) => ({ value: range.key, label: range.label, count: row?.prices?.[range.key] ?? 0, selected: params.price.includes(range.key) })),
    ratings: RATING_STEPS.map((stars) => ({ value: String(stars), label: `${stars} ${stars === 1 ? "star" : "stars"} & up`, count: row?.ratings?.[String(stars)] ?? 0, selected: params.rating === stars })),
    inStock: { count: row?.in_stock ?? 0, selected: params.inStock },
    options: toOptionFacets(row?.option_labels ?? null, row?.option_counts ?? null, params),
  };
}
