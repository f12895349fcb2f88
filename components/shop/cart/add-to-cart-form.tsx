"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { MAX_QUANTITY_PER_LINE } from "@/server/shop/cart/cart-limits";
import { useStoreCart } from "./use-cart";

const SELECT =
  "block h-10 w-20 rounded-lg border border-border bg-surface px-3 text-sm text-fg shadow-xs focus-visible:border-accent " +
  "focus-visible:outline-2 focus-visible:outline-ring aria-invalid:border-danger";

/**
 * Quantity picker and "Add to cart" for a product page (for the chosen
 * variant when the product has variants); the server has the last word on
 * stock and limits.
 */
export function AddToCartForm({ productId, variant = null, available }: { productId: string; variant?: { id: string; label: string } | null; available: number }) {
  const trpc = useTRPC();
  const toast = useToast();
  const storeCart = useStoreCart();
  const id = useId();
  const [quantity, setQuantity] = useState(1);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<number | null>(null);
  const maxChoice = Math.max(1, Math.min(MAX_QUANTITY_PER_LINE, available));

  const add = useMutation(
    trpc.shop.cart.add.mutationOptions({
      onSuccess: (cart, input) => {
        storeCart(cart);
        setAdded(input.quantity);
        const what = variant ? `${input.quantity} × ${variant.label}` : `${input.quantity}`;
        toast.show({ tone: "success", title: "Added to your cart", description: `${what} added · ${cart.itemCount} in your cart` });
      },
      onError: (failure) => setError(failure.message),
    }),
  );

  if (available <= 0) {
    return (
      <p className="rounded-lg border border-border bg-surface-2 px-4 py-3 text-sm font-medium text-muted" role="status">
        Sold out
      </p>
    );
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    setAdded(null);
    add.mutate({ productId, variantId: variant?.id ?? null, quantity });
  };

  return (
    <form onSubmit={submit} aria-label="Add to cart" className="space-y-2">
      <div className="flex items-end gap-3">
        <div className="space-y-1.5">
          <Label htmlFor={`${id}-quantity`}>Quantity</Label>
          <select
            id={`${id}-quantity`}
            className={SELECT}
            value={Math.min(quantity, maxChoice)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(event) => {
              setQuantity(Number(event.target.value));
              setError(null);
            }}
          >
            {Array.from({ length: maxChoice }, (_, index) => index + 1).map((choice) => (
              <option key={choice} value={choice}>
                {choice}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" size="md" loading={add.isPending} className="min-w-36">
          Add to cart
        </Button>
      </div>
      {error ? (
        <p id={`${id}-error`} className="text-sm text-danger" role="alert">
          {error}
        </p>
      ) : null}
      {added !== null && !error ? (
        <p className="text-sm text-success" role="status">
          Added {added}
          {variant ? ` × ${variant.label}` : null} to your cart.{" "}
          <Link href="/shop/cart" className="font-medium text-accent-text underline-offset-2 hover:underline">
            View cart
          </Link>
        </p>
      ) : null}
    </form>
  );
}
