"use client";

import { useQuery } from "@tanstack/react-query";
import { useChannelEvent, useRealtimeReconnect } from "@/components/realtime/realtime-provider";
import { useTRPC } from "@/components/trpc/client";
import { ORDER_UPDATED_EVENT, type OrderUpdatedEvent } from "@/server/shop/orders/order-events";

/** While a returning buyer waits for the payment webhook, how often to look (the realtime event may beat the subscription). */
const CONFIRMING_POLL_MS = 2_000;

/**
 * One order, kept current: a signed-in buyer's page refetches on each
 * `shop.order.updated` for it (and after a dropped connection comes back).
 * Right after the payment page, while the order still awaits payment, it also
 * polls, which is all a guest has (guests have no private channel).
 */
export function useLiveOrder({ orderId, token, channel, confirming }: { orderId: string; token?: string; channel: string | null; confirming: boolean }) {
  const trpc = useTRPC();
  const order = useQuery({
    ...trpc.shop.orders.get.queryOptions({ orderId, token }),
    refetchInterval: (query) => (confirming && query.state.data?.status === "payment_pending" ? CONFIRMING_POLL_MS : false),
  });
  useChannelEvent<OrderUpdatedEvent>(channel, ORDER_UPDATED_EVENT, (event) => {
    if (event.orderId === orderId) void order.refetch();
  });
  useRealtimeReconnect(() => void order.refetch());
  return order;
}
