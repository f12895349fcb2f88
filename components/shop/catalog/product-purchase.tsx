"use client";

import { useState } from "react";
import { formatMoney } from "@/components/ui/money";
import type { ProductDetail } from "@/server/shop/catalog/get-product-or-throw";
import { AddToCartForm } from "../cart/add-to-cart-form";
import { StockStatus } from "./stock-status";
import { VariantOptions } from "./variant-options";
import { choose, initialSelection, selectedVariant } from "./variant-selection";

type Props = {
  product: Pick<ProductDetail, "id" | "priceCents" | "currency" | "available" | "options" | "variants">;
  /** `?variant=` from the URL, so a shared link opens on the same size and colour. */
  initialVariantId: string | null;
};

/**
 * Price, stock and "Add to cart" on the product page. With variants, the
 * option pickers drive all three (price, stock and SKU follow the selection)
 * and the URL keeps the chosen variant.
 */
export function ProductPurchase({ product, initialVariantId }: Props) {
  const { options, variants } = product;
  const [selection, setSelection] = useState(() => initialSelection(variants, initialVariantId));
  const variant = variants.length > 0 ? selectedVariant(variants, selection) : null;
  const priceCents = variant?.priceCents ?? product.priceCents;
  const available = variants.length > 0 ? (variant?.available ?? 0) : product.available;

  const onChoose = (optionIndex: number, value: string) => {
    const next = choose(variants, selection, optionIndex, value, options.map((option) => option.values));
    setSelection(next);
    const chosen = selectedVariant(variants, next);
    // replaceState, not a navigation: the page is already right, and Back should leave the product, not undo a size.
    if (chosen) window.history.replaceState(null, "", `?variant=${encodeURIComponent(chosen.id)}`);
  };

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-3xl font-semibold text-fg" data-testid="product-price">
          {formatMoney(priceCents, product.currency)}
        </p>
        <StockStatus available={available} />
      </div>
      {variants.length > 0 ? (
        <>
          <VariantOptions options={options} variants={variants} selection={selection} onChoose={onChoose} />
          <p className="text-sm text-muted" data-testid="variant-sku">
            {variant ? `SKU ${variant.sku}` : "This combination is not sold."}
          </p>
        </>
      ) : null}
      <AddToCartForm key={variant?.id ?? "product"} productId={product.id} variant={variant} available={available} />
    </div>
  );
}
