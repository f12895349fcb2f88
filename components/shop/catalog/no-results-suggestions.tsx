"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/client";
import { Skeleton } from "@/components/ui/skeleton";
import { ProductGrid } from "./product-card";

/** How many popular products a search that found nothing suggests. */
const SUGGESTED_PRODUCTS = 4;

/**
 * Where to go from a search that found nothing: the categories that have
 * products and the shop's popular (featured, most reviewed) products. Nothing
 * at all when they cannot be loaded: the empty state above still says what to do.
 */
export function NoResultsSuggestions() {
  const trpc = useTRPC();
  const home = useQuery(trpc.shop.catalog.home.queryOptions());
  if (home.isPending) {
    return (
      <div role="status" aria-label="Loading suggestions">
        <Skeleton className="h-40 w-full rounded-xl" />
      </div>
    );
  }
  if (home.isError) return null;
  const categories = home.data.categories.filter((category) => category.productCount > 0);
  const products = home.data.featured.slice(0, SUGGESTED_PRODUCTS);
  return (
    <div className="space-y-6">
      {categories.length > 0 ? (
        <section aria-labelledby="suggested-categories" className="space-y-3">
          <h2 id="suggested-categories" className="text-base font-semibold text-fg">
            Browse a category
          </h2>
          <ul className="flex flex-wrap gap-2">
            {categories.map((category) => (
              <li key={category.slug}>
                <Link
                  href={`/shop/search?category=${encodeURIComponent(category.slug)}`}
                  className="inline-flex h-8 items-center rounded-full border border-border bg-surface px-3 text-sm text-fg hover:border-accent hover:bg-accent-soft focus-visible:outline-2 focus-visible:outline-ring"
                >
                  {category.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {products.length > 0 ? (
        <section aria-labelledby="suggested-products" className="space-y-3">
          <h2 id="suggested-products" className="text-base font-semibold text-fg">
            Popular right now
          </h2>
          <ProductGrid products={products} />
        </section>
      ) : null}
    </div>
  );
}
