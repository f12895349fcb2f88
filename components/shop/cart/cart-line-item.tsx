"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { MAX_QUANTITY_PER_LINE } from "@/server/shop/cart/cart-limits";
import type { CartLineView } from "@/server/shop/cart/get-cart";
import { formatMoney } from "@/components/ui/money";
import { QuantityStepper } from "./quantity-stepper";
import { useStoreCart } from "./use-cart";

/** One cart line: picture, name, unit price, quantity, remove, line total, and any problem with its fix. */
export function CartLineItem({ line, currency }: { line: CartLineView; currency: string }) {
  const trpc = useTRPC();
  const storeCart = useStoreCart();
  const [error, setError] = useState<string | null>(null);
  const options = { onSuccess: storeCart, onError: (failure: { message: string }) => setError(failure.message) };
  const setQuantity = useMutation(trpc.shop.cart.setQuantity.mutationOptions(options));
  const remove = useMutation(trpc.shop.cart.remove.mutationOptions(options));
  const busy = setQuantity.isPending || remove.isPending;
  const { product } = line;
  const variant = product?.variant ?? null;
  const baseName = product?.name ?? "A product that is no longer sold";
  // Labels for controls name the size/colour too, so two lines of one product stay distinguishable.
  const name = variant ? `${baseName} (${variant.label})` : baseName;
  const lineRef = { productId: line.productId, variantId: line.variantId };

  const changeQuantity = (quantity: number) => {
    setError(null);
    setQuantity.mutate({ ...lineRef, quantity });
  };
  const removeLine = () => {
    setError(null);
    remove.mutate(lineRef);
  };

  return (
    <li className="flex gap-4 py-5" data-testid="cart-line" data-product-id={line.productId} data-variant-id={line.variantId ?? undefined}>
      <div className="size-20 shrink-0 overflow-hidden rounded-lg border border-border bg-surface-2 sm:size-24">
        {product?.image ? (
          // eslint-disable-next-line @next/next/no-img-element -- a small SVG from public/shop; next/image adds nothing for it
          <img src={product.image} alt="" width={96} height={96} className="size-full object-cover" />
        ) : null}
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-3">
        <div className="flex flex-col gap-1 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
          <div className="min-w-0">
            {product && (product.active || line.problem === "choose_option") ? (
              <Link
                href={`/shop/products/${product.slug}${variant ? `?variant=${encodeURIComponent(variant.id)}` : ""}`}
                className="font-medium text-fg hover:text-accent-text hover:underline underline-offset-2"
              >
                {baseName}
              </Link>
            ) : (
              <p className="font-medium text-fg">{baseName}</p>
            )}
            {variant ? (
              <p className="text-sm text-fg" data-testid="line-variant">
                {variant.label} <span className="text-muted">· SKU {variant.sku}</span>
              </p>
            ) : null}
            {product ? (
              <p className="text-sm text-muted">
                {product.brand} · {formatMoney(product.priceCents, product.currency)} each
              </p>
            ) : null}
          </div>
          <p className="text-base font-semibold tabular-nums text-fg sm:text-right" data-testid="line-total">
            {line.problem === "unavailable" || line.problem === "choose_option" ? "—" : formatMoney(line.lineTotalCents, currency)}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          {line.problem === "unavailable" || line.problem === "sold_out" || line.problem === "choose_option" ? null : (
            <QuantityControl line={line} name={name} busy={busy} onChange={changeQuantity} />
          )}
          <Button variant="ghost" size="sm" onClick={removeLine} loading={remove.isPending} disabled={busy} aria-label={`Remove ${name}`}>
            Remove
          </Button>
        </div>
        <LineProblem line={line} busy={busy} onSetQuantity={changeQuantity} onRemove={removeLine} />
        {error ? (
          <p className="text-sm text-danger" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    </li>
  );
}

function QuantityControl({ line, name, busy, onChange }: { line: CartLineView; name: string; busy: boolean; onChange: (quantity: number) => void }) {
  const available = line.product?.available ?? 0;
  return (
    <QuantityStepper
      value={line.quantity}
      max={Math.min(MAX_QUANTITY_PER_LINE, Math.max(available, line.quantity))}
      busy={busy}
      label={`Quantity of ${name}`}
      onChange={onChange}
    />
  );
}

function LineProblem({
  line,
  busy,
  onSetQuantity,
  onRemove,
}: {
  line: CartLineView;
  busy: boolean;
  onSetQuantity: (quantity: number) => void;
  onRemove: () => void;
}) {
  if (!line.problem) return null;
  const available = line.product?.available ?? 0;
  const text =
    line.problem === "not_enough_stock"
      ? `Only ${available} left`
      : line.problem === "sold_out"
        ? "Sold out"
        : line.problem === "choose_option"
          ? "Now comes in several options"
          : "No longer available";
  return (
    <div role="status" className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-warning/40 bg-warning-soft px-3 py-2 text-sm text-warning" data-testid="line-problem">
      <span className="font-medium">{text}</span>
      <span aria-hidden="true">—</span>
      {line.problem === "not_enough_stock" ? (
        <button type="button" disabled={busy} onClick={() => onSetQuantity(available)} className="font-medium underline underline-offset-2 disabled:opacity-60">
          Set quantity to {available}
        </button>
      ) : line.problem === "choose_option" && line.product ? (
        <Link href={`/shop/products/${line.product.slug}`} className="font-medium underline underline-offset-2">
          Choose yours on its page
        </Link>
      ) : (
        <button type="button" disabled={busy} onClick={onRemove} className="font-medium underline underline-offset-2 disabled:opacity-60">
          Remove it from your cart
        </button>
      )}
    </div>
  );
}
