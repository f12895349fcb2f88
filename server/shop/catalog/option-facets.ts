import { Prisma } from "@/server/generated/prisma/client";
import { OPTION_KEY_SEPARATOR, optionKey } from "./option-keys";
import { OPTION_FACETS_SHOWN, OPTION_VALUES_SHOWN, type SearchProductsParams } from "./search-options";

/**
 * Search's option facets (Size, Colour), the SQL pieces and the shaping of
 * their rows; search-products.ts puts them into its one statement.
 *
 * Filtering happens on ONE variant: ticking Size M and Colour Black keeps a
 * product only if one of its variants is an M in black (in stock, with "In
 * stock only"), so a product with an M·Red and an L·Black does not match.
 * Values within one option are alternatives (M or L).
 *
 * Counting is disjunctive like the other facets and counts PRODUCTS: a value's
 * count is how many products the search would show with that value instead of
 * the option's own ticks. With no option ticked and no "In stock only", that
 * is a plain count over the products' option labels (index-only while
 * browsing); otherwise the variants of the matching products are read, so
 * each count respects the other ticked options and stock on the same variant.
 */
export type OptionFacetValue = { value: string; label: string; count: number; selected: boolean };
export type OptionFacet = { name: string; values: OptionFacetValue[] };

/** Rows of the products' option labels read at most (the spellings behind the listed facets); bounds the answer's size. */
const OPTION_LABELS_READ = 1_000;

type SelectedOption = { prefix: string; keys: string[] };

function selectedOptions(params: SearchProductsParams): SelectedOption[] {
  return params.options.map((option) => ({ prefix: optionKey(option.name, ""), keys: option.values.map((value) => optionKey(option.name, value)) }));
}

/** Whether variant `v` has one of the ticked values of every ticked option (but `except`'s, by key prefix), in stock if `inStock`. */
function variantMatches(options: SelectedOption[], inStock: boolean, exceptKey?: Prisma.Sql): Prisma.Sql {
  const conditions = options.map((option) =>
    exceptKey
      ? Prisma.sql`(starts_with(${exceptKey}, ${option.prefix}) OR v."optionKeys" && ${option.keys}::text[])`
      : Prisma.sql`v."optionKeys" && ${option.keys}::text[]`,
  );
  if (inStock) conditions.push(Prisma.sql`v."onHand" > v."reserved"`);
  return conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
}

/**
 * The ticked options as a join of the products `p` to the products that have
 * a matching variant (found through the GIN index on the variants' keys), as
 * `opt`, with whether one of those is in stock (for "In stock only"'s count;
 * with that tick, only variants in stock are joined). As a join, not an EXISTS
 * test in a column, Postgres costs it as what it is: a hash of a few thousand
 * ids beside an index-only scan when browsing, and a walk from the matching
 * variants when they are few (a size no product of the category has), where
 * the filter had it scan the whole catalog in price order looking for 24
 * (107 ms). One join for both: a second one cost 8 ms per browse.
 */
export function optionJoin(params: SearchProductsParams): Prisma.Sql {
  const options = selectedOptions(params);
  if (options.length === 0) return Prisma.empty;
  const matching = params.inStock
    ? Prisma.sql`SELECT DISTINCT v."productId", TRUE AS in_stock FROM "shop_product_variant" v WHERE ${variantMatches(options, true)}`
    : Prisma.sql`SELECT v."productId", bool_or(v."onHand" > v."reserved") AS in_stock FROM "shop_product_variant" v WHERE ${variantMatches(options, false)} GROUP BY v."productId"`;
  return Prisma.sql`LEFT JOIN (${matching}) opt ON opt."productId" = p."id"`;
}

/** The filter and the "In stock only" count's condition over optionJoin's `opt` (null: no option ticked). */
export function optionConditions(params: SearchProductsParams): { filter: Prisma.Sql; inStock: Prisma.Sql } | null {
  if (params.options.length === 0) return null;
  return { filter: Prisma.sql`opt."productId" IS NOT NULL`, inStock: Prisma.sql`opt.in_stock IS TRUE` };
}

/** The variant a result links to when options are ticked: the first matching one in stock, else the first matching one. */
export function matchedVariantId(params: SearchProductsParams): Prisma.Sql {
  const options = selectedOptions(params);
  if (options.length === 0) return Prisma.sql`NULL::text`;
  return Prisma.sql`(SELECT v."id" FROM "shop_product_variant" v WHERE v."productId" = p."id" AND ${variantMatches(options, params.inStock)}
                      ORDER BY v."onHand" > v."reserved" DESC, v."position", v."id" LIMIT 1)`;
}

/**
 * Two CTEs over `m` (the matched products with their option labels and ranks):
 * option_labels (each spelling with its products and mean rank) and
 * option_counts (lower-case key → products, read from the variants; empty when
 * the plain count above is exact). `productFilter` is every filter but the
 * options'. `fewProducts` (a text search, whose matches are materialized):
 * read each matching product's variants through the (productId) index. The
 * planner, not knowing how few the matches are, hashed every variant of the
 * catalog instead (7 of 20 ms for "office chair" + Black); OFFSET 0 keeps the
 * per-product subquery from being flattened back into that join. Browsing
 * matches thousands of products, where the hash is the better plan.
 */
export function optionFacetCtes(params: SearchProductsParams, productFilter: Prisma.Sql, fewProducts: boolean): Prisma.Sql {
  const options = selectedOptions(params);
  const labels = Prisma.sql`
    option_labels AS (
      SELECT u.label, count(*)::int AS count, avg(u.rank)::float8 AS rank
        FROM m CROSS JOIN LATERAL unnest(m.option_labels, m.option_ranks) AS u(label, rank)
       WHERE m.option_labels <> '{}' AND ${productFilter}
       GROUP BY u.label
       ORDER BY count(*) DESC, u.label
       LIMIT ${OPTION_LABELS_READ}
    )`;
  if (options.length === 0 && !params.inStock) return Prisma.sql`${labels}, option_counts AS (SELECT NULL::text AS key, 0 AS count WHERE FALSE)`;
  return Prisma.sql`${labels},
    option_counts AS (
      SELECT k.key, count(DISTINCT v."productId")::int AS count
        FROM m ${
          fewProducts
            ? Prisma.sql`CROSS JOIN LATERAL (SELECT * FROM "shop_product_variant" v WHERE v."productId" = m."id" OFFSET 0) v`
            : Prisma.sql`JOIN "shop_product_variant" v ON v."productId" = m."id"`
        }
        CROSS JOIN LATERAL unnest(v."optionKeys") AS k(key)
       WHERE ${productFilter} AND m.option_labels <> '{}' AND ${variantMatches(options, params.inStock, Prisma.sql`k.key`)}
       GROUP BY k.key
    )`;
}

/** The statement's two output columns for the facets. */
export const OPTION_FACET_COLUMNS = Prisma.sql`
      (SELECT json_agg(json_build_object('label', label, 'count', count, 'rank', rank)) FROM option_labels) AS option_labels,
      (SELECT json_object_agg(key, count) FROM option_counts) AS option_counts`;

export type OptionLabelRow = { label: string; count: number; rank: number };

type ValueTally = { spellings: Map<string, number>; products: number; rankSum: number };
type OptionTally = { spellings: Map<string, number>; products: number; values: Map<string, ValueTally> };

/**
 * The rows as facets: options and values grouped whatever their case, each
 * shown in its most common spelling; the most common options first; values in
 * the products' own order (S, M, L), numbers by value.
 */
export function toOptionFacets(labelRows: OptionLabelRow[] | null, counts: Record<string, number> | null, params: SearchProductsParams): OptionFacet[] {
  const exactFromLabels = params.options.length === 0 && !params.inStock;
  const tallies = new Map<string, OptionTally>();
  for (const row of labelRows ?? []) {
    const separator = row.label.indexOf(OPTION_KEY_SEPARATOR);
    const [name, value] = [row.label.slice(0, separator), row.label.slice(separator + 1)];
    const option = getOrAdd(tallies, name.toLowerCase(), () => ({ spellings: new Map(), products: 0, values: new Map() }));
    addSpelling(option.spellings, name, row.count);
    option.products += row.count;
    const tally = getOrAdd(option.values, value.toLowerCase(), () => ({ spellings: new Map(), products: 0, rankSum: 0 }));
    addSpelling(tally.spellings, value, row.count);
    tally.products += row.count;
    tally.rankSum += row.rank * row.count;
  }
  const selected = new Map(params.options.map((option) => [option.name.toLowerCase(), option]));
  // Ticked options always show (even at 0, so they can be unticked); then the most common others.
  for (const option of params.options) getOrAdd(tallies, option.name.toLowerCase(), () => ({ spellings: new Map([[option.name, 0]]), products: 0, values: new Map() }));
  const shown = [...tallies.entries()]
    .sort(([keyA, a], [keyB, b]) => Number(selected.has(keyB)) - Number(selected.has(keyA)) || b.products - a.products || keyA.localeCompare(keyB))
    .slice(0, Math.max(OPTION_FACETS_SHOWN, selected.size));

  return shown
    .map(([nameKey, option]) => {
      const name = mostCommon(option.spellings);
      const ticked = new Set(selected.get(nameKey)?.values.map((value) => value.toLowerCase()) ?? []);
      const values = [...option.values.entries()].map(([valueKey, tally]) => ({
        value: mostCommon(tally.spellings),
        count: exactFromLabels ? tally.products : (counts?.[optionKey(nameKey, valueKey)] ?? 0),
        rank: tally.rankSum / Math.max(1, tally.products),
        selected: ticked.has(valueKey),
      }));
      for (const value of selected.get(nameKey)?.values ?? []) {
        if (!option.values.has(value.toLowerCase())) values.push({ value, count: 0, rank: 1, selected: true });
      }
      const listed = values
        .filter((value) => value.count > 0 || value.selected)
        .sort((a, b) => Number(b.selected) - Number(a.selected) || b.count - a.count)
        .slice(0, Math.max(OPTION_VALUES_SHOWN, ticked.size));
      return { name, values: inDisplayOrder(listed).map(({ value, count, selected }) => ({ value, label: value, count, selected })) };
    })
    .filter((facet) => facet.values.length > 0);
}

/** Numbers by value (shoe sizes 38, 39, 40); anything else as the products order it, ties alphabetically. */
function inDisplayOrder<T extends { value: string; rank: number }>(values: T[]): T[] {
  const numeric = values.every((value) => /^\d+(\.\d+)?$/.test(value.value));
  return [...values].sort((a, b) => (numeric ? Number(a.value) - Number(b.value) : a.rank - b.rank || a.value.localeCompare(b.value)));
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

function addSpelling(spellings: Map<string, number>, spelling: string, count: number): void {
  spellings.set(spelling, (spellings.get(spelling) ?? 0) + count);
}

/** The spelling most products use; ties go to the first in code-point order, so the answer is stable. */
function mostCommon(spellings: Map<string, number>): string {
  let best = "";
  let bestCount = -1;
  for (const [spelling, count] of spellings) {
    if (count > bestCount || (count === bestCount && spelling < best)) [best, bestCount] = [spelling, count];
  }
  return best;
}
