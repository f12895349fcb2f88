import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ProductGallery } from "@/components/shop/catalog/product-gallery";
import { ProductGrid } from "@/components/shop/catalog/product-card";
import { Stars } from "@/components/shop/catalog/stars";
import { ProductPurchase } from "@/components/shop/catalog/product-purchase";
import { ReviewsSection } from "@/components/shop/reviews/reviews-section";
import { HydrateClient, getQueryClient, trpc } from "@/components/trpc/server";
import { PageContainer } from "@/components/ui/page";
import { AppError } from "@/server/errors";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { getProductOrThrow } from "@/server/shop/catalog/get-product-or-throw";
import { listRelatedProducts } from "@/server/shop/catalog/list-related-products";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ variant?: string | string[] }> };

// Metadata and the page ask for the same product: one lookup per request.
const loadProduct = cache(async (slug: string) => {
  try {
    return await getProductOrThrow({ db, redis, slug });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const product = await loadProduct((await params).slug);
  return { title: `${product.name} · Shop`, description: product.description.slice(0, 160) };
}

export default async function ProductPage({ params, searchParams }: Props) {
  const product = await loadProduct((await params).slug);
  const { variant } = await searchParams;
  const [related] = await Promise.all([
    listRelatedProducts({ db, product }),
    getQueryClient().prefetchQuery(trpc.shop.reviews.summary.queryOptions({ productId: product.id })),
  ]);
  return (
    <PageContainer>
      <nav aria-label="Breadcrumb" className="mb-6 text-sm text-muted">
        <Link href="/shop" className="hover:text-fg hover:underline">
          Shop
        </Link>
        <span aria-hidden="true"> / </span>
        <Link href={`/shop/search?category=${encodeURIComponent(product.category.slug)}`} className="hover:text-fg hover:underline">
          {product.category.name}
        </Link>
      </nav>
      <div className="grid gap-10 lg:grid-cols-2">
        <ProductGallery images={product.images} name={product.name} />
        <div className="space-y-5">
          <div className="space-y-2">
            <p className="text-sm font-medium tracking-wide text-muted uppercase">{product.brand}</p>
            <h1 className="text-2xl font-semibold tracking-tight text-fg sm:text-3xl">{product.name}</h1>
            <a href="#reviews" className="inline-flex items-center gap-2 text-sm text-muted hover:text-fg">
              {product.ratingCount > 0 ? (
                <>
                  <Stars rating={product.ratingAvg} />
                  <span>
                    {product.ratingAvg.toFixed(1)} · {product.ratingCount.toLocaleString("en")} {product.ratingCount === 1 ? "review" : "reviews"}
                  </span>
                </>
              ) : (
                <span>No reviews yet</span>
              )}
            </a>
          </div>
          <ProductPurchase
            // Only what the client needs crosses to the browser (not the description again).
            product={{ id: product.id, priceCents: product.priceCents, currency: product.currency, available: product.available, options: product.options, variants: product.variants }}
            initialVariantId={typeof variant === "string" ? variant : null} />
          <div className="space-y-2 border-t border-border pt-5">
            <h2 className="text-sm font-semibold text-fg">About this product</h2>
            <p className="text-base leading-relaxed whitespace-pre-line text-fg">{product.description}</p>
          </div>
        </div>
      </div>
      {related.length > 0 ? (
        <section aria-labelledby="related-heading" className="mt-14 space-y-4 border-t border-border pt-10">
          <h2 id="related-heading" className="text-xl font-semibold text-fg">
            You may also like
          </h2>
          <ProductGrid products={related} />
        </section>
      ) : null}
      <HydrateClient>
        <ReviewsSection productId={product.id} />
      </HydrateClient>
    </PageContainer>
  );
}
