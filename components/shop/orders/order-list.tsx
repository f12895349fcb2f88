"use client";

import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useChannelEvent, useRealtimeReconnect } from "@/components/realtime/realtime-provider";
import { useTRPC } from "@/components/trpc/client";
import { buttonClasses } from "@/components/ui/button";
import { LoadMore } from "@/components/ui/load-more";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { ORDER_UPDATED_EVENT } from "@/server/shop/orders/order-events";
import type { OrderSummaryView } from "@/server/shop/orders/order-view";
import { formatMoney } from "@/components/ui/money";
import { formatDate, orderLabel } from "./format-order";
import { OrderStatusBadge } from "./order-status-badge";
import { LoadError } from "@/components/ui/load-error";

const PAGE_SIZE = 20;

/** The signed-in buyer's orders, a page at a time; a status change anywhere refreshes it. */
export function OrderList({ channel }: { channel: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pages = useInfiniteQuery(trpc.shop.orders.list.infiniteQueryOptions({ limit: PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  const refresh = () => void queryClient.invalidateQueries(trpc.shop.orders.list.pathFilter());
  useChannelEvent(channel, ORDER_UPDATED_EVENT, refresh);
  useRealtimeReconnect(refresh);

  if (pages.isPending) {
    return (
      <Card role="status" aria-busy="true" aria-label="Loading your orders" className="divide-y divide-border">
        {[0, 1, 2].map((row) => (
          <div key={row} className="flex items-center gap-4 px-5 py-4">
            <div className="flex-1 space-y-2">
              <Skeleton className="h-4 w-32" />
              <Skeleton className="h-3 w-2/3" />
            </div>
            <Skeleton className="h-5 w-20" />
          </div>
        ))}
      </Card>
    );
  }
  if (pages.isError) {
    return (
      <LoadError title="Could not load your orders" message={pages.error.message} onRetry={() => void pages.refetch()} />
    );
  }
  const orders = pages.data.pages.flatMap((page) => page.items);
  if (orders.length === 0) {
    return (
      <EmptyState
        icon={<BoxIcon />}
        title="No orders yet"
        description="When you buy something, it shows up here with its status and tracking."
        action={
          <Link href="/shop" className={buttonClasses()}>
            Browse the shop
          </Link>
        }
      />
    );
  }
  return (
    <div className="space-y-4">
      <Card className="overflow-hidden">
        <ul className="divide-y divide-border" aria-label="Your orders">
          {orders.map((order) => (
            <OrderRow key={order.id} order={order} />
          ))}
        </ul>
      </Card>
      <LoadMore pages={pages} items="orders" />
    </div>
  );
}

function OrderRow({ order }: { order: OrderSummaryView }) {
  return (
    <li>
      <Link href={`/shop/orders/${order.id}`} className="flex items-center gap-4 px-5 py-4 transition-colors hover:bg-surface-2/60 focus-visible:bg-surface-2/60">
        <div className="min-w-0 flex-1 space-y-1">
          <p className="flex flex-wrap items-center gap-2 text-sm font-semibold text-fg">
            Order {orderLabel(order.number)}
            <OrderStatusBadge status={order.status} />
          </p>
          <p className="truncate text-sm text-muted">
            {order.itemCount} {order.itemCount === 1 ? "item" : "items"} · {order.itemNames.join(", ")}
          </p>
        </div>
        <div className="shrink-0 text-right">
          <p className="text-sm font-medium tabular-nums text-fg">{formatMoney(order.totalCents, order.currency)}</p>
          <p className="text-xs text-muted">
            <time dateTime={order.createdAt.toISOString()}>{formatDate(order.createdAt)}</time>
          </p>
        </div>
      </Link>
    </li>
  );
}

function BoxIcon() {
  return (
    <svg viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
      <path d="M21 8 12 3 3 8v8l9 5 9-5V8Z" />
      <path d="m3 8 9 5 9-5M12 13v8" />
    </svg>
  );
}
