import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { OrderView } from "@/server/shop/orders/order-view";

export type OrderStatus = OrderView["status"];

/** What each status is called on screen, and its colour. */
export const ORDER_STATUS: Record<OrderStatus, { label: string; tone: BadgeTone }> = {
  created: { label: "Created", tone: "neutral" },
  payment_pending: { label: "Awaiting payment", tone: "warning" },
  paid: { label: "Paid", tone: "accent" },
  preparing: { label: "Preparing", tone: "accent" },
  shipped: { label: "Shipped", tone: "success" },
  delivered: { label: "Delivered", tone: "success" },
  cancelled: { label: "Cancelled", tone: "neutral" },
  refunded: { label: "Refunded", tone: "danger" },
};

/** The status as a badge; `data-status` carries the raw value for scripts and tests. */
export function OrderStatusBadge({ status, testId }: { status: OrderStatus; testId?: string }) {
  const { label, tone } = ORDER_STATUS[status];
  return (
    <Badge tone={tone} data-status={status} data-testid={testId}>
      {label}
    </Badge>
  );
}
