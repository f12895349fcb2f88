"use client";

import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { OrderTotalsSkeleton } from "@/components/shop/order-totals";
import { CartIcon } from "./cart-icon";
import { CartLineItem } from "./cart-line-item";
import { CartSummary } from "./cart-summary";
import { useCart } from "./use-cart";
import { LoadError } from "@/components/ui/load-error";

/** The cart page's body: the lines and the summary, or the loading, error and empty states. */
export function CartContents() {
  const cart = useCart();

  if (cart.isPending) return <CartSkeleton />;
  if (cart.isError) {
    return (
      <LoadError title="Could not load your cart" message={cart.error.message} onRetry={() => void cart.refetch()} />
    );
  }
  if (cart.data.lines.length === 0) {
    return (
      <EmptyState
        icon={<CartIcon className="size-6" />}
        title="Your cart is empty"
        description="Find something you like in the shop and add it here."
        action={
          <Link href="/shop" className={buttonClasses()}>
            Browse the shop
          </Link>
        }
      />
    );
  }
  return (
    <div className="grid items-start gap-6 lg:grid-cols-[1fr_20rem]">
      <Card>
        <CardBody className="py-0">
          <ul aria-label="Items in your cart" className="divide-y divide-border">
            {cart.data.lines.map((line) => (
              <CartLineItem key={`${line.productId}:${line.variantId ?? ""}`} line={line} currency={cart.data.currency} />
            ))}
          </ul>
        </CardBody>
      </Card>
      <div className="lg:sticky lg:top-24">
        <CartSummary cart={cart.data} />
      </div>
    </div>
  );
}

function CartSkeleton() {
  return (
    <div className="grid items-start gap-6 lg:grid-cols-[1fr_20rem]" role="status" aria-busy="true" aria-label="Loading your cart">
      <Card>
        <CardBody className="divide-y divide-border py-0">
          {[0, 1, 2].map((row) => (
            <div key={row} className="flex gap-4 py-5">
              <Skeleton className="size-20 sm:size-24" />
              <div className="flex-1 space-y-3">
                <Skeleton className="h-4 w-1/2" />
                <Skeleton className="h-3 w-1/3" />
                <Skeleton className="h-9 w-28" />
              </div>
            </div>
          ))}
        </CardBody>
      </Card>
      <OrderTotalsSkeleton />
    </div>
  );
}
