"use client";

import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import type { OrderItemView, OrderView } from "@/server/shop/orders/order-view";
import { formatMoney } from "@/components/ui/money";
import { OrderTotals, taxLineLabel } from "@/components/shop/order-totals";
import { BuyAgainButton } from "./buy-again-button";
import { CancelOrderDialog } from "./cancel-order-dialog";
import { formatDateTime, orderLabel } from "./format-order";
import { OrderStatusBadge } from "./order-status-badge";
import { OrderTimeline } from "./order-timeline";
import { useLiveOrder } from "./use-live-order";
import { LoadError } from "@/components/ui/load-error";

export type CheckoutReturn = "success" | "cancelled" | null;

/**
 * An order's page: status (live), items and totals, where it ships, tracking,
 * the timeline, and a cancel button while cancelling is still possible.
 * `returnedFrom` says the buyer just came back from the payment page.
 */
export function OrderDetail({ orderId, token, channel, returnedFrom }: { orderId: string; token?: string; channel: string | null; returnedFrom: CheckoutReturn }) {
  const order = useLiveOrder({ orderId, token, channel, confirming: returnedFrom === "success" });
  const [cancelling, setCancelling] = useState(false);

  if (order.isPending) return <OrderSkeleton />;
  if (order.isError) {
    if (order.error.data?.code === "NOT_FOUND") {
      return (
        <EmptyState
          title="We could not find that order"
          description="Check the link, or sign in with the account you ordered with."
          action={
            <Link href="/shop/orders" className={buttonClasses({ variant: "secondary" })}>
              Your orders
            </Link>
          }
        />
      );
    }
    return (
      <LoadError title="Could not load this order" message={order.error.message} onRetry={() => void order.refetch()} />
    );
  }

  const view = order.data;
  const money = (cents: number) => formatMoney(cents, view.currency);
  return (
    <>
      <PageHeader
        eyebrow={
          view.guest ? (
            "Shop"
          ) : (
            <Link href="/shop/orders" className="underline-offset-4 hover:underline">
              ← Your orders
            </Link>
          )
        }
        title={
          <span className="flex flex-wrap items-center gap-3">
            Order {orderLabel(view.number)}
            <span className="text-base">
              <OrderStatusBadge status={view.status} testId="order-status" />
            </span>
          </span>
        }
        description={`Placed ${formatDateTime(view.createdAt)} · receipt to ${view.email}`}
        actions={
          <div className="flex flex-wrap gap-2">
            <BuyAgainButton orderId={view.id} token={token} />
            {view.canCancel ? (
              <Button variant="secondary" onClick={() => setCancelling(true)}>
                Cancel order
              </Button>
            ) : null}
          </div>
        }
      />

      <div className="space-y-6">
        <StatusBanner order={view} returnedFrom={returnedFrom} />
        <div className="grid items-start gap-6 lg:grid-cols-[1fr_20rem]">
          <div className="space-y-6">
            <Card>
              <CardBody className="space-y-4">
                <h2 className="text-base font-semibold text-fg">Items</h2>
                <ul className="divide-y divide-border" aria-label="Items in this order">
                  {view.items.map((item, index) => (
                    <OrderLine
                      key={`${item.productId}:${item.variantLabel ?? ""}`}
                      item={item}
                      money={money}
                      // Reviews are per product: one invitation even when two sizes were bought.
                      canReview={view.status === "delivered" && !view.guest && view.items.findIndex((other) => other.productId === item.productId) === index}
                    />
                  ))}
                </ul>
                <OrderTotals
                  {...view}
                  discount={view.discountCode ? { label: view.discountCode, cents: view.discountCents } : null}
                  tax={view.taxRateBasisPoints === null ? null : { label: taxLineLabel(view.shippingAddress?.country ?? null, view.taxRateBasisPoints), cents: view.taxCents }}
                  testIdPrefix="order"
                  className="border-t border-border pt-3"
                />
              </CardBody>
            </Card>
            <Card>
              <CardBody className="space-y-4">
                <h2 className="text-base font-semibold text-fg">History</h2>
                <OrderTimeline timeline={view.timeline} />
              </CardBody>
            </Card>
          </div>

          <div className="space-y-6">
            <Card>
              <CardBody className="space-y-2">
                <h2 className="text-base font-semibold text-fg">Shipping to</h2>
                {view.shippingAddress ? (
                  <address className="text-sm leading-6 text-fg not-italic">
                    {view.shippingAddress.name}
                    <br />
                    {view.shippingAddress.line1}
                    {view.shippingAddress.line2 ? (
                      <>
                        <br />
                        {view.shippingAddress.line2}
                      </>
                    ) : null}
                    <br />
                    {view.shippingAddress.postalCode} {view.shippingAddress.city}
                    <br />
                    {countryName(view.shippingAddress.country)}
                  </address>
                ) : (
                  <p className="text-sm text-muted">No address on record.</p>
                )}
              </CardBody>
            </Card>
            <Card>
              <CardBody className="space-y-2">
                <h2 className="text-base font-semibold text-fg">Tracking</h2>
                {view.trackingNumber ? (
                  <p className="text-sm">
                    {view.trackingUrl ? (
                      <a
                        href={view.trackingUrl}
                        target="_blank"
                        rel="noopener noreferrer"
                        className="font-mono text-accent-text underline underline-offset-4"
                        data-testid="tracking-link"
                      >
                        <span data-testid="tracking-number">{view.trackingNumber}</span>
                        <span className="sr-only"> (track the parcel on the carrier&apos;s site, opens in a new tab)</span>
                      </a>
                    ) : (
                      <span className="font-mono text-fg" data-testid="tracking-number">
                        {view.trackingNumber}
                      </span>
                    )}
                  </p>
                ) : (
                  <p className="text-sm text-muted">{"You'll see a tracking number here once your order ships."}</p>
                )}
              </CardBody>
            </Card>
          </div>
        </div>
      </div>
      <CancelOrderDialog order={view} token={token} open={cancelling} onClose={() => setCancelling(false)} />
    </>
  );
}

/** The one message that matters most right now, e.g. "Confirming your payment…" just after paying. */
function StatusBanner({ order, returnedFrom }: { order: OrderView; returnedFrom: CheckoutReturn }) {
  if (order.status === "payment_pending" && returnedFrom === "success") {
    return (
      <Alert tone="info">
        <Spinner label="Confirming your payment… This usually takes a few seconds." />
      </Alert>
    );
  }
  if (order.status === "payment_pending") {
    const until = order.reservedUntil ? ` until ${formatDateTime(order.reservedUntil)}` : "";
    return (
      <Alert tone="warning" title={returnedFrom === "cancelled" ? "Payment not completed" : "Awaiting payment"}>
        <p>{`We are holding your items${until}. If you don't want them any more, cancel the order so others can buy them; the items are still in your cart.`}</p>
        {order.paymentUrl && (
          // A full page load: the payment page may be Stripe's, on another origin.
          <a href={order.paymentUrl} className={buttonClasses({ className: "mt-3" })}>
            Complete payment
          </a>
        )}
      </Alert>
    );
  }
  if (order.status === "paid" && returnedFrom === "success") {
    return <Alert tone="success" title={order.totalCents === 0 ? "Order placed — thank you! Nothing to pay." : "Payment received — thank you!"}>Your order is confirmed. This page updates by itself as it is prepared and shipped.</Alert>;
  }
  if (order.status === "cancelled") {
    return <Alert tone="info" title="This order was cancelled">{order.cancelReason ?? "You were not charged."}</Alert>;
  }
  if (order.status === "refunded") {
    return (
      <Alert tone="info" title="This order was refunded">
        {formatMoney(order.totalCents, order.currency)} is on its way back to your card. {order.cancelReason ?? ""}
      </Alert>
    );
  }
  return null;
}

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

function countryName(code: string): string {
  return regionNames.of(code) ?? code;
}

function OrderSkeleton() {
  return (
    <div className="space-y-6" role="status" aria-busy="true" aria-label="Loading the order">
      <div className="space-y-3">
        <Skeleton className="h-4 w-24" />
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-4 w-80" />
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-[1fr_20rem]">
        <Card>
          <CardBody className="space-y-4">
            {[0, 1, 2].map((row) => (
              <div key={row} className="flex justify-between gap-4">
                <Skeleton className="h-4 w-1/2" />
                <Skeleton className="h-4 w-16" />
              </div>
            ))}
          </CardBody>
        </Card>
        <Card>
          <CardBody className="space-y-2">
            <Skeleton className="h-4 w-24" />
            <Skeleton className="h-4 w-40" />
            <Skeleton className="h-4 w-32" />
          </CardBody>
        </Card>
      </div>
    </div>
  );
}

/** One item: its picture and name link to the product; a delivered order invites a review of it. */
function OrderLine({ item, money, canReview }: { item: OrderItemView; money: (cents: number) => string; canReview: boolean }) {
  const href = `/shop/products/${item.productSlug}${item.variantId ? `?variant=${encodeURIComponent(item.variantId)}` : ""}`;
  return (
    <li className="flex items-start gap-3 py-3 first:pt-0 last:pb-0" data-testid="order-line">
      <Link href={href} tabIndex={-1} aria-hidden="true" className="size-16 shrink-0 overflow-hidden rounded-lg border border-border bg-surface-2">
        {item.image ? (
          // eslint-disable-next-line @next/next/no-img-element -- static SVGs and uploaded WebP; no resizing needed
          <img src={item.image} alt="" width={64} height={64} loading="lazy" className="size-full object-cover" />
        ) : null}
      </Link>
      <div className="min-w-0 flex-1">
        <Link href={href} className="font-medium text-fg underline-offset-2 hover:text-accent-text hover:underline">
          {item.productName}
        </Link>
        {item.variantLabel ? (
          <p className="text-sm text-fg" data-testid="order-line-variant">
            {item.variantLabel}
            {item.sku ? <span className="text-muted"> · SKU {item.sku}</span> : null}
          </p>
        ) : null}
        <p className="text-sm text-muted">
          {item.quantity} × {money(item.unitPriceCents)}
        </p>
        {canReview ? (
          <Link href={`/shop/products/${item.productSlug}#reviews`} className="text-sm font-medium text-accent-text underline-offset-4 hover:underline">
            Write a review<span className="sr-only"> of {item.productName}</span>
          </Link>
        ) : null}
      </div>
      <span className="shrink-0 text-sm tabular-nums text-fg">{money(item.lineTotalCents)}</span>
    </li>
  );
}
