"use client";

import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useId, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { LoadMore } from "@/components/ui/load-more";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import type { OrderSummaryView } from "@/server/shop/orders/order-view";
import { formatMoney } from "@/components/ui/money";
import { formatDateTime, orderLabel } from "./format-order";
import { NativeSelect } from "./native-select";
import { ORDER_STATUS, OrderStatusBadge, type OrderStatus } from "./order-status-badge";
import { TrackingNumberDialog } from "./tracking-number-dialog";
import { LoadError } from "@/components/ui/load-error";

const PAGE_SIZE = 25;
const TYPING_PAUSE_MS = 300;

type Step = "preparing" | "shipped" | "delivered";
/** The one fulfilment step each status allows, and its button. */
const NEXT_STEP: Partial<Record<OrderStatus, { to: Step; label: string }>> = {
  paid: { to: "preparing", label: "Mark preparing" },
  preparing: { to: "shipped", label: "Mark shipped" },
  shipped: { to: "delivered", label: "Mark delivered" },
};

/** Every order for staff: filter by status, find by number or email, move each one to its next step. */
export function AdminOrdersTable() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const id = useId();
  const [status, setStatus] = useState<OrderStatus | "">("");
  const [search, setSearch] = useState("");
  const settledSearch = useSettled(search.trim());
  const [shipping, setShipping] = useState<OrderSummaryView | null>(null);

  const input = { limit: PAGE_SIZE, ...(status ? { status } : {}), ...(settledSearch ? { search: settledSearch } : {}) };
  const pages = useInfiniteQuery(
    trpc.shop.adminOrders.list.infiniteQueryOptions(input, { getNextPageParam: (page) => page.nextCursor ?? undefined, placeholderData: keepPreviousData }),
  );
  const advance = useMutation(
    trpc.shop.adminOrders.advance.mutationOptions({
      onSuccess: async (order) => {
        setShipping(null);
        await queryClient.invalidateQueries(trpc.shop.adminOrders.list.pathFilter());
        toast.show({ tone: "success", title: `Order ${orderLabel(order.number)} is now ${ORDER_STATUS[order.status].label.toLowerCase()}` });
      },
      onError: (error, variables) => {
        if (variables.to !== "shipped") toast.show({ tone: "error", title: "Could not update the order", description: error.message });
      },
    }),
  );

  const orders = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = status !== "" || settledSearch !== "";

  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-[14rem_1fr]">
        <div className="space-y-1.5">
          <label htmlFor={`${id}-status`} className="block text-sm font-medium text-fg">
            Status
          </label>
          <NativeSelect id={`${id}-status`} value={status} onChange={(event) => setStatus(event.target.value as OrderStatus | "")}>
            <option value="">All statuses</option>
            {(Object.keys(ORDER_STATUS) as OrderStatus[]).map((value) => (
              <option key={value} value={value}>
                {ORDER_STATUS[value].label}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="space-y-1.5">
          <label htmlFor={`${id}-search`} className="block text-sm font-medium text-fg">
            Find an order
          </label>
          <Input id={`${id}-search`} type="search" placeholder="Order number (#1042) or buyer email" value={search} maxLength={254} onChange={(event) => setSearch(event.target.value)} />
        </div>
      </div>

      {pages.isPending ? (
        <Card role="status" aria-busy="true" aria-label="Loading orders" className="divide-y divide-border">
          {[0, 1, 2, 3].map((row) => (
            <div key={row} className="flex items-center gap-4 px-5 py-4">
              <Skeleton className="h-4 w-16" />
              <Skeleton className="h-4 flex-1" />
              <Skeleton className="h-5 w-20" />
              <Skeleton className="h-8 w-28" />
            </div>
          ))}
        </Card>
      ) : pages.isError ? (
        <LoadError title="Could not load orders" message={pages.error.message} onRetry={() => void pages.refetch()} />
      ) : orders.length === 0 ? (
        <EmptyState
          title={filtered ? "No orders match these filters" : "No orders yet"}
          description={filtered ? "Try another status or search." : "Orders appear here as soon as a buyer checks out."}
          action={
            filtered ? (
              <Button
                variant="secondary"
                size="sm"
                onClick={() => {
                  setStatus("");
                  setSearch("");
                }}
              >
                Clear filters
              </Button>
            ) : null
          }
        />
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full min-w-[48rem] border-collapse text-left text-sm">
            <caption className="sr-only">Orders{pages.isFetching ? " (updating)" : ""}</caption>
            <thead className="border-b border-border bg-surface-2/60 text-xs font-medium tracking-wide text-muted uppercase">
              <tr>
                <th scope="col" className="py-2.5 pr-3 pl-5">Order</th>
                <th scope="col" className="py-2.5 pr-3">Buyer</th>
                <th scope="col" className="py-2.5 pr-3">Items</th>
                <th scope="col" className="py-2.5 pr-3 text-right">Total</th>
                <th scope="col" className="py-2.5 pr-3">Status</th>
                <th scope="col" className="py-2.5 pr-5 text-right">
                  <span className="sr-only">Next step</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {orders.map((order) => {
                const next = NEXT_STEP[order.status];
                const busy = advance.isPending && advance.variables.orderId === order.id;
                return (
                  <tr key={order.id} data-testid={`admin-order-${order.number}`}>
                    <td className="py-3 pr-3 pl-5 align-top">
                      <Link href={`/shop/orders/${order.id}`} className="font-semibold text-fg underline-offset-2 hover:text-accent-text hover:underline">
                        {orderLabel(order.number)}
                      </Link>
                      <p className="text-xs text-muted">
                        <time dateTime={order.createdAt.toISOString()}>{formatDateTime(order.createdAt)}</time>
                      </p>
                    </td>
                    <td className="max-w-48 truncate py-3 pr-3 align-top text-fg">{order.email}</td>
                    <td className="max-w-64 py-3 pr-3 align-top text-muted">
                      <span className="line-clamp-2">
                        {order.itemCount} × {order.itemNames.join(", ")}
                      </span>
                    </td>
                    <td className="py-3 pr-3 text-right align-top tabular-nums text-fg">{formatMoney(order.totalCents, order.currency)}</td>
                    <td className="py-3 pr-3 align-top">
                      <OrderStatusBadge status={order.status} />
                      {order.trackingNumber ? <p className="mt-1 font-mono text-xs text-muted">{order.trackingNumber}</p> : null}
                    </td>
                    <td className="py-3 pr-5 text-right align-top">
                      {next ? (
                        <Button
                          size="sm"
                          variant="secondary"
                          loading={busy && next.to !== "shipped"}
                          disabled={advance.isPending}
                          onClick={() => (next.to === "shipped" ? setShipping(order) : advance.mutate({ orderId: order.id, to: next.to }))}
                        >
                          {next.label}
                        </Button>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </Card>
      )}

      <LoadMore pages={pages} items="orders" />

      {shipping ? (
        <TrackingNumberDialog
          key={shipping.id}
          orderNumber={shipping.number}
          pending={advance.isPending}
          serverError={advance.isError && advance.variables.orderId === shipping.id ? advance.error.message : null}
          onConfirm={(trackingNumber) => advance.mutate({ orderId: shipping.id, to: "shipped", trackingNumber })}
          onClose={() => {
            advance.reset();
            setShipping(null);
          }}
        />
      ) : null}
    </div>
  );
}

/** The search once typing pauses. */
function useSettled(value: string): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return settled;
}
