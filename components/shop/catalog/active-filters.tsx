import type { SearchFacets } from "@/server/shop/catalog/search-products";
import { PRICE_RANGES, type SearchProductsParams } from "@/server/shop/catalog/search-options";
import { NO_FILTERS, toggleOptionValue } from "./search-url";

type Change = (next: Partial<SearchProductsParams>) => void;
type Chip = { key: string; label: string; remove: Partial<SearchProductsParams> };

/** One chip per filter in use, each removable on its own, and "Clear all". Nothing when no filter is on. */
export function ActiveFilters({ search, facets, onChange }: { search: SearchProductsParams; facets: SearchFacets; onChange: Change }) {
  const chips = chipsFor(search, facets);
  if (chips.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Active filters">
      {chips.map((chip) => (
        <button
          key={chip.key}
          type="button"
          aria-label={`Remove filter: ${chip.label}`}
          onClick={() => onChange(chip.remove)}
          className="inline-flex h-8 items-center gap-1.5 rounded-full border border-border bg-surface-2 pr-2 pl-3 text-sm text-fg hover:border-accent hover:bg-accent-soft focus-visible:outline-2 focus-visible:outline-ring"
        >
          {chip.label}
          <span aria-hidden="true" className="text-base leading-none text-muted">
            ×
          </span>
        </button>
      ))}
      <button
        type="button"
        onClick={() => onChange(NO_FILTERS)}
        className="h-8 rounded-full px-2 text-sm font-medium text-accent-text underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-ring"
      >
        Clear all
      </button>
    </div>
  );
}

function chipsFor(search: SearchProductsParams, facets: SearchFacets): Chip[] {
  const categoryName = (slug: string) => facets.categories.find((option) => option.value === slug)?.label ?? slug;
  return [
    ...search.category.map((slug) => ({ key: `category:${slug}`, label: categoryName(slug), remove: { category: search.category.filter((item) => item !== slug) } })),
    ...search.brand.map((brand) => ({ key: `brand:${brand}`, label: brand, remove: { brand: search.brand.filter((item) => item !== brand) } })),
    ...search.price.map((key) => ({
      key: `price:${key}`,
      label: PRICE_RANGES.find((range) => range.key === key)?.label ?? key,
      remove: { price: search.price.filter((item) => item !== key) },
    })),
    ...(search.rating ? [{ key: "rating", label: `${search.rating} stars & up`, remove: { rating: null } }] : []),
    ...(search.inStock ? [{ key: "stock", label: "In stock", remove: { inStock: false } }] : []),
    ...search.options.flatMap((option) => {
      // The facet's spelling ("Size"), whatever the URL's ("size").
      const name = facets.options.find((facet) => facet.name.toLowerCase() === option.name.toLowerCase())?.name ?? option.name;
      return option.values.map((value) => ({ key: `option:${name}:${value}`, label: `${name}: ${value}`, remove: { options: toggleOptionValue(search.options, option.name, value) } }));
    }),
  ];
}
