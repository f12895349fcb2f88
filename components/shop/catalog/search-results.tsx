"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { NativeSelect } from "@/components/shop/orders/native-select";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { SORTS, type SearchProductsParams, type SortKey } from "@/server/shop/catalog/search-options";
import { LoadError } from "@/components/ui/load-error";
import { ActiveFilters } from "./active-filters";
import { FacetPanel } from "./facet-panel";
import { NoResultsSuggestions } from "./no-results-suggestions";
import { Pagination } from "./pagination";
import { ProductGrid } from "./product-card";
import { NO_FILTERS, parseSearchUrl, searchHref } from "./search-url";
import { SpellingNotice } from "./spelling-notice";

/**
 * The search page's live part. The URL is the state: every change pushes a
 * new URL and the results follow it; the previous results stay on screen
 * (dimmed) until the next ones arrive.
 */
export function SearchResults() {
  const trpc = useTRPC();
  const router = useRouter();
  const search = parseSearchUrl(new URLSearchParams(useSearchParams().toString()));
  const [filtersOpen, setFiltersOpen] = useState(false);
  const query = useQuery({ ...trpc.shop.catalog.search.queryOptions(search), placeholderData: keepPreviousData });

  const change = (next: Partial<SearchProductsParams>) => router.push(searchHref({ ...search, page: 1, ...next }), { scroll: false });
  const activeFilters =
    search.category.length +
    search.brand.length +
    search.price.length +
    (search.rating ? 1 : 0) +
    (search.inStock ? 1 : 0) +
    search.options.reduce((count, option) => count + option.values.length, 0);

  if (query.isPending) return <ResultsSkeleton />;
  if (query.isError) {
    return (
      <LoadError title="Search is not available right now" message={query.error.message} onRetry={() => void query.refetch()} />
    );
  }

  const result = query.data;
  return (
    <div className="grid gap-3 lg:grid-cols-[15rem_1fr] lg:gap-8">
      <aside aria-label="Filters" className="space-y-4">
        <Button variant="secondary" className="w-full lg:hidden" aria-expanded={filtersOpen} aria-controls="search-filters" onClick={() => setFiltersOpen(!filtersOpen)}>
          {filtersOpen ? "Hide filters" : `Filters${activeFilters ? ` (${activeFilters})` : ""}`}
        </Button>
        <div id="search-filters" className={filtersOpen ? "block" : "hidden lg:block"}>
          <FacetPanel facets={result.facets} search={search} onChange={change} />
        </div>
      </aside>

      <section aria-label="Results" aria-busy={query.isFetching} className="min-w-0 space-y-3 sm:space-y-6">
        {result.correctedQuery ? <SpellingNotice search={search} corrected={result.correctedQuery} /> : null}
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="flex items-center gap-2 text-sm text-muted" role="status">
            {query.isFetching ? <Spinner /> : null}
            <span>
              <strong className="text-fg">{result.total.toLocaleString("en")}</strong> {result.total === 1 ? "result" : "results"}
              {/* A corrected query is named by the notice above; saying it twice would push the results down on a phone. */}
              {search.q && !result.correctedQuery ? ` for “${search.q}”` : ""}
            </span>
          </p>
          <div className="flex items-center gap-2">
            <label htmlFor="search-sort" className="sr-only text-sm whitespace-nowrap text-muted sm:not-sr-only">
              Sort by
            </label>
            <NativeSelect id="search-sort" className="w-40 sm:w-48" value={search.sort} onChange={(event) => change({ sort: event.target.value as SortKey })}>
              {SORTS.map((sort) => (
                <option key={sort.key} value={sort.key}>
                  {sort.label}
                </option>
              ))}
            </NativeSelect>
          </div>
        </div>
        <ActiveFilters search={search} facets={result.facets} onChange={change} />

        {result.items.length === 0 ? (
          <>
            <EmptyState
              title={search.q ? `No products match “${search.q}”` : "No products match these filters"}
              description={activeFilters ? "Try removing a filter, or search for something broader." : "Check the spelling or try a more general word."}
              action={
                activeFilters ? (
                  <Button variant="secondary" onClick={() => change(NO_FILTERS)}>
                    Clear filters
                  </Button>
                ) : null
              }
            />
            <NoResultsSuggestions />
          </>
        ) : (
          <div className={query.isPlaceholderData ? "opacity-60 transition-opacity" : "transition-opacity"}>
            <ProductGrid products={result.items} />
          </div>
        )}
        <Pagination page={result.page} pageCount={result.pageCount} hrefFor={(page) => searchHref({ ...search, page })} />
      </section>
    </div>
  );
}

function ResultsSkeleton() {
  return (
    <div className="grid gap-8 lg:grid-cols-[15rem_1fr]" role="status" aria-busy="true" aria-label="Loading results">
      <div className="hidden space-y-3 lg:block">
        {Array.from({ length: 8 }, (_, index) => (
          <Skeleton key={index} className="h-5 w-full" />
        ))}
      </div>
      <div className="grid grid-cols-2 gap-4 sm:grid-cols-3 xl:grid-cols-4">
        {Array.from({ length: 8 }, (_, index) => (
          <Skeleton key={index} className="aspect-[3/4] w-full rounded-xl" />
        ))}
      </div>
    </div>
  );
}
