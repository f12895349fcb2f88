import Link from "next/link";
import { formatMoney } from "@/components/ui/money";
import type { ProductView } from "@/server/shop/catalog/product-view";
import { Stars } from "./stars";
import { StockStatus } from "./stock-status";

/** A product to show; `variantId` (a search with a size or colour ticked) opens its page on that variant. */
type CardProduct = ProductView & { variantId?: string | null };

/** One product in a grid: picture, name, brand, rating, price and stock, linking to its page. */
export function ProductCard({ product }: { product: CardProduct }) {
  const image = product.images[0];
  return (
    <Link
      href={`/shop/products/${product.slug}${product.variantId ? `?variant=${encodeURIComponent(product.variantId)}` : ""}`}
      data-testid="product-card"
      className="group flex flex-col overflow-hidden rounded-xl border border-border bg-surface shadow-xs transition-shadow hover:shadow-md focus-visible:outline-2 focus-visible:outline-ring"
    >
      <div className="aspect-square bg-surface-2">
        {image ? (
          // eslint-disable-next-line @next/next/no-img-element -- static SVGs and external URLs; no resizing needed
          <img src={image} alt="" loading="lazy" className="size-full object-cover transition-transform group-hover:scale-[1.02]" width={400} height={400} />
        ) : null}
      </div>
      <div className="flex flex-1 flex-col gap-1.5 p-4">
        <p className="text-xs font-medium tracking-wide text-muted uppercase">{product.brand}</p>
        <h3 className="line-clamp-2 text-sm font-semibold text-fg group-hover:text-accent-text">{product.name}</h3>
        {product.ratingCount > 0 ? (
          <p className="flex items-center gap-1.5 text-xs text-muted">
            <Stars rating={product.ratingAvg} />
            <span>({product.ratingCount.toLocaleString("en")})</span>
          </p>
        ) : (
          <p className="text-xs text-muted">No reviews yet</p>
        )}
        <div className="mt-auto flex items-center justify-between gap-2 pt-2">
          <span className="text-base font-semibold text-fg">{formatMoney(product.priceCents, product.currency)}</span>
          <StockStatus available={product.available} />
        </div>
      </div>
    </Link>
  );
}

export function ProductGrid({ products }: { products: CardProduct[] }) {
  return (
    <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 xl:grid-cols-4">
      {products.map((product) => (
        <li key={product.id} className="flex">
          <ProductCard product={product} />
        </li>
      ))}
    </ul>
  );
}
