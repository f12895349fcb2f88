import type { Metadata } from "next";
import { Suspense } from "react";
import { SearchBox } from "@/components/shop/catalog/search-box";
import { SearchResults } from "@/components/shop/catalog/search-results";
import { parseSearchUrl, toUrlSearchParams } from "@/components/shop/catalog/search-url";
import { ShopActions } from "@/components/shop/catalog/shop-actions";
import { HydrateClient, getQueryClient, trpc } from "@/components/trpc/server";
import { PageContainer, PageHeader } from "@/components/ui/page";
import { getSessionUser } from "@/server/platform/auth";
import { headers } from "next/headers";

export async function generateMetadata({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }): Promise<Metadata> {
  const { q } = parseSearchUrl(toUrlSearchParams(await searchParams));
  return { title: q ? `“${q}” · Shop` : "Browse · Shop" };
}

export default async function ShopSearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const search = parseSearchUrl(toUrlSearchParams(await searchParams));
  const [user] = await Promise.all([
    getSessionUser(new Headers(await headers())),
    // The first results arrive with the HTML; later changes fetch from the browser.
    getQueryClient().prefetchQuery(trpc.shop.catalog.search.queryOptions(search)),
  ]);
  const title = search.q ? "Search results" : "Browse the catalog";
  return (
    <PageContainer>
      {/* On phones the results start above the fold: the search box says where you are and the cart is in the
          site header, so the page header is there for screen readers only. */}
      <h1 className="sr-only sm:hidden">{title}</h1>
      <div className="hidden sm:block">
        <PageHeader eyebrow="Shop" title={title} actions={<ShopActions signedIn={Boolean(user)} isAdmin={user?.role === "admin"} />} />
      </div>
      <div className="mb-3 sm:mb-8">
        <SearchBox key={search.q} defaultValue={search.q} />
      </div>
      <HydrateClient>
        <Suspense>
          <SearchResults />
        </Suspense>
      </HydrateClient>
    </PageContainer>
  );
}
