import { z } from "zod";
import { MAX_OPTIONS, OPTION_TEXT_MAX } from "../variants/variant-rules";

/**
 * The search's vocabulary, shared by the server (validation, SQL) and the
 * search page (URL parameters, labels). Pure data: safe to import in the browser.
 */
export const SEARCH_PAGE_SIZE = 24;
export const SEARCH_QUERY_MAX_LENGTH = 200;
/** Deep pages cost an ever larger OFFSET and nobody reads them: refine the query instead. */
export const SEARCH_MAX_PAGE = 100;
export const MAX_SELECTED_PER_FACET = 20;

/**
 * Option facets (Size, Colour): how many option names the filters list (the
 * most common first), how many values each shows (the most common, always
 * with the ticked ones), and how many options one search may filter by at
 * once (a product has at most MAX_OPTIONS, so a fourth could never match).
 */
export const OPTION_FACETS_SHOWN = 5;
export const OPTION_VALUES_SHOWN = 30;
export const MAX_OPTION_FILTERS = MAX_OPTIONS;

const OptionFilterText = z.string().trim().min(1, "Option names and values cannot be empty.").max(OPTION_TEXT_MAX, `Option names and values have at most ${OPTION_TEXT_MAX} characters.`);

/** One option's ticked values (Size: M or L); names and values match whatever their case. */
export const OptionFilter = z.object({
  name: OptionFilterText,
  values: z.array(OptionFilterText).min(1, "Pick at least one value.").max(MAX_SELECTED_PER_FACET, `Pick at most ${MAX_SELECTED_PER_FACET} values of one option.`),
});
export type OptionFilter = z.infer<typeof OptionFilter>;

/** Price buckets in cents: [from, to) with null for open ends. */
export const PRICE_RANGES = [
  { key: "0-25", label: "Under $25", from: null, to: 2_500 },
  { key: "25-50", label: "$25 to $50", from: 2_500, to: 5_000 },
  { key: "50-100", label: "$50 to $100", from: 5_000, to: 10_000 },
  { key: "100-250", label: "$100 to $250", from: 10_000, to: 25_000 },
  { key: "250-500", label: "$250 to $500", from: 25_000, to: 50_000 },
  { key: "500-up", label: "$500 & above", from: 50_000, to: null },
] as const;
export type PriceRangeKey = (typeof PRICE_RANGES)[number]["key"];
const PRICE_KEYS = PRICE_RANGES.map((range) => range.key) as [PriceRangeKey, ...PriceRangeKey[]];

export const RATING_STEPS = [4, 3, 2, 1] as const;

export const SORTS = [
  { key: "relevance", label: "Relevance" },
  { key: "price-asc", label: "Price: low to high" },
  { key: "price-desc", label: "Price: high to low" },
  { key: "rating", label: "Customer rating" },
  { key: "newest", label: "Newest" },
] as const;
export type SortKey = (typeof SORTS)[number]["key"];
const SORT_KEYS = SORTS.map((sort) => sort.key) as [SortKey, ...SortKey[]];

export const SearchProductsInput = z.object({
  /** Words as typed; web-search syntax ("quoted phrase", -exclude, or). Empty = browse. */
  q: z.string().trim().max(SEARCH_QUERY_MAX_LENGTH, `Search for at most ${SEARCH_QUERY_MAX_LENGTH} characters.`).default(""),
  /** The words exactly as typed: no typo matching ("Search instead for hedphones"). */
  exact: z.boolean().default(false),
  /** Category slugs; several = any of them. */
  category: z.array(z.string().trim().min(1).max(80)).max(MAX_SELECTED_PER_FACET).default([]),
  brand: z.array(z.string().trim().min(1).max(80)).max(MAX_SELECTED_PER_FACET).default([]),
  price: z.array(z.enum(PRICE_KEYS)).max(PRICE_RANGES.length).default([]),
  /** Average rating at least this many stars. */
  rating: z.number().int().min(1).max(4).nullish(),
  inStock: z.boolean().default(false),
  /** Ticked option values: any of one option's values (M or L), all options on one variant (M and Black: an M in black). */
  options: z
    .array(OptionFilter)
    .max(MAX_OPTION_FILTERS, `Filter by at most ${MAX_OPTION_FILTERS} options at once.`)
    .refine((options) => new Set(options.map((option) => option.name.toLowerCase())).size === options.length, "Name each option once.")
    .default([]),
  sort: z.enum(SORT_KEYS).default("relevance"),
  page: z.number().int().min(1).max(SEARCH_MAX_PAGE).default(1),
});
export type SearchProductsInput = z.input<typeof SearchProductsInput>;
export type SearchProductsParams = z.output<typeof SearchProductsInput>;
