import {
  MAX_OPTION_FILTERS,
  MAX_SELECTED_PER_FACET,
  PRICE_RANGES,
  SEARCH_MAX_PAGE,
  SEARCH_QUERY_MAX_LENGTH,
  SORTS,
  type OptionFilter,
  type PriceRangeKey,
  type SearchProductsParams,
  type SortKey,
} from "@/server/shop/catalog/search-options";
import { OPTION_TEXT_MAX } from "@/server/shop/variants/variant-rules";

/**
 * Every search filter lives in the URL (/shop/search?q=&exact=&category=&brand=&price=&rating=&inStock=&opt=&sort=&page=),
 * multi-valued facets as repeated keys; option values as `opt=Size:M` (optionParam). Parsing is
 * forgiving: a hand-edited URL with a bad value drops that value instead of failing the page.
 */
export function parseSearchUrl(params: URLSearchParams): SearchProductsParams {
  const page = Number.parseInt(params.get("page") ?? "1", 10);
  const rating = Number.parseInt(params.get("rating") ?? "", 10);
  const sort = params.get("sort");
  const distinct = (values: string[]) => [...new Set(values.map((value) => value.trim()).filter((value) => value.length > 0 && value.length <= 80))].slice(0, 20);
  return {
    q: (params.get("q") ?? "").trim().slice(0, SEARCH_QUERY_MAX_LENGTH),
    exact: params.get("exact") === "1",
    category: distinct(params.getAll("category")),
    brand: distinct(params.getAll("brand")),
    price: distinct(params.getAll("price")).filter((key): key is PriceRangeKey => PRICE_RANGES.some((range) => range.key === key)),
    rating: rating >= 1 && rating <= 4 ? rating : null,
    inStock: params.get("inStock") === "1" || params.get("inStock") === "true",
    options: parseOptionParams(params.getAll("opt")),
    sort: SORTS.some((option) => option.key === sort) ? (sort as SortKey) : "relevance",
    page: Number.isFinite(page) ? Math.min(SEARCH_MAX_PAGE, Math.max(1, page)) : 1,
  };
}

/** The canonical URL for a search: defaults are left out, so links stay short and shareable. */
export function searchHref(search: SearchProductsParams): string {
  const params = new URLSearchParams();
  if (search.q) params.set("q", search.q);
  if (search.q && search.exact) params.set("exact", "1");
  for (const category of search.category) params.append("category", category);
  for (const brand of search.brand) params.append("brand", brand);
  for (const price of search.price) params.append("price", price);
  if (search.rating) params.set("rating", String(search.rating));
  if (search.inStock) params.set("inStock", "1");
  for (const option of search.options) for (const value of option.values) params.append("opt", optionParam(option.name, value));
  if (search.sort !== "relevance") params.set("sort", search.sort);
  if (search.page > 1) params.set("page", String(search.page));
  const query = params.toString();
  return query ? `/shop/search?${query}` : "/shop/search";
}

/** Every facet unticked (the query and the sort stay). */
export const NO_FILTERS = { category: [], brand: [], price: [], rating: null, inStock: false, options: [] } satisfies Partial<SearchProductsParams>;

/**
 * Ticks or unticks one option value (names and values compared whatever their
 * case); an option left with no value goes. At the limit of values per option
 * the list is returned as it is (the panel disables the other boxes).
 */
export function toggleOptionValue(options: OptionFilter[], name: string, value: string): OptionFilter[] {
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const current = options.find((option) => same(option.name, name));
  if (!current) return options.length < MAX_OPTION_FILTERS ? [...options, { name, values: [value] }] : options;
  const ticked = current.values.some((known) => same(known, value));
  if (!ticked && current.values.length >= MAX_SELECTED_PER_FACET) return options;
  const values = ticked ? current.values.filter((known) => !same(known, value)) : [...current.values, value];
  return values.length > 0 ? options.map((option) => (option === current ? { ...option, values } : option)) : options.filter((option) => option !== current);
}

/**
 * `Size:M`: the name, a colon, the value. A colon or backslash in the name is
 * escaped with a backslash ("Size\: EU:42" is Size: EU, 42), so the first
 * unescaped colon ends any name; the value is the rest, colons and all ("Ratio:16:9").
 */
function optionParam(name: string, value: string): string {
  return `${name.replace(/[\\:]/g, "\\$&")}:${value}`;
}

/** optionParam's name and value, or null without a colon; any other backslash stays as typed. */
function splitOptionParam(pair: string): [string, string] | null {
  let name = "";
  for (let index = 0; index < pair.length; index++) {
    const char = pair[index];
    const next = pair[index + 1];
    if (char === "\\" && (next === ":" || next === "\\")) {
      name += next;
      index++;
    } else if (char === ":") {
      return [name, pair.slice(index + 1)];
    } else {
      name += char;
    }
  }
  return null;
}

/** `opt=Size:M` pairs grouped by option (names and values compared whatever their case), within the search's limits. */
function parseOptionParams(pairs: string[]): OptionFilter[] {
  const options: OptionFilter[] = [];
  for (const pair of pairs) {
    const [name, value] = (splitOptionParam(pair) ?? ["", ""]).map((part) => part.trim());
    if (!name || !value || name.length > OPTION_TEXT_MAX || value.length > OPTION_TEXT_MAX) continue;
    let option = options.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    if (!option) {
      if (options.length === MAX_OPTION_FILTERS) continue;
      option = { name, values: [] };
      options.push(option);
    }
    if (option.values.length < MAX_SELECTED_PER_FACET && !option.values.some((known) => known.toLowerCase() === value.toLowerCase())) option.values.push(value);
  }
  return options;
}

/** Next's `searchParams` prop (string | string[] | undefined per key) as URLSearchParams. */
export function toUrlSearchParams(record: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(record)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, item);
  }
  return params;
}
