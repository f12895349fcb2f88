import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { ProductGrid } from "@/components/shop/catalog/product-card";
import { SearchBox } from "@/components/shop/catalog/search-box";
import { ShopActions } from "@/components/shop/catalog/shop-actions";
import { EmptyState } from "@/components/ui/empty-state";
import { PageContainer, PageHeader } from "@/components/ui/page";
import { getSessionUser } from "@/server/platform/auth";
import { db } from "@/server/platform/db";
import { getCatalogHome } from "@/server/shop/catalog/get-catalog-home";

export const metadata: Metadata = { title: "Shop" };

export default async function ShopPage() {
  const [user, home] = await Promise.all([getSessionUser(new Headers(await headers())), getCatalogHome({ db })]);
  return (
    <PageContainer>
      <PageHeader
        eyebrow="Storefront"
        title="Shop"
        description="Search the catalog, compare with facets, and check out with Stripe's test cards."
        actions={<ShopActions isAdmin={user?.role === "admin"} signedIn={Boolean(user)} />}
      />
      <div className="space-y-12">
        <SearchBox />
        <section aria-labelledby="categories-heading" className="space-y-4">
          <h2 id="categories-heading" className="text-lg font-semibold text-fg">
            Shop by category
          </h2>
          {home.categories.length === 0 ? (
            <EmptyState title="The shop has no categories yet" description="Run the seed (npm start does) or add products in the admin area." />
          ) : (
            <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4">
              {home.categories.map((category) => (
                <li key={category.slug}>
                  <Link
                    href={`/shop/search?category=${encodeURIComponent(category.slug)}`}
                    className="block h-full rounded-xl border border-border bg-surface p-4 shadow-xs transition-colors hover:border-accent hover:bg-accent-soft focus-visible:outline-2 focus-visible:outline-ring"
                  >
                    <span className="block font-semibold text-fg">{category.name}</span>
                    <span className="mt-1 block text-sm text-muted">{category.description}</span>
                    <span className="mt-2 block text-xs text-muted">{category.productCount.toLocaleString("en")} products</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="featured-heading" className="space-y-4">
          <div className="flex items-baseline justify-between gap-4">
            <h2 id="featured-heading" className="text-lg font-semibold text-fg">
              Featured
            </h2>
            <Link href="/shop/search" className="text-sm font-medium text-accent-text hover:underline">
              Browse everything
            </Link>
          </div>
          {home.featured.length === 0 ? <EmptyState title="Nothing is featured right now" description="Browse the whole catalog instead." /> : <ProductGrid products={home.featured} />}
        </section>
      </div>
    </PageContainer>
  );
}
