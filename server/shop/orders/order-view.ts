import type { OrderStatus, Prisma } from "@/server/generated/prisma/client";
import { storedShippingAddress, type ShippingAddress } from "../checkout/shipping-address";
import { trackingUrlFor } from "./tracking-url";

/** Statuses from which the buyer may still cancel: nothing has left the warehouse. */
export const CANCELLABLE: ReadonlySet<OrderStatus> = new Set(["payment_pending", "paid", "preparing"]);

export type OrderItemView = {
  productId: string;
  productName: string;
  productSlug: string;
  /** The variant bought ("M · Black") and its SKU as they were when ordered; null for products without variants. */
  variantId: string | null;
  variantLabel: string | null;
  sku: string | null;
  /** The product's first picture today (orders keep name and price, not pictures); null when it has none. */
  image: string | null;
  unitPriceCents: number;
  quantity: number;
  lineTotalCents: number;
};

export type OrderTimelineEntry = { status: OrderStatus; note: string | null; at: Date };

/** One order as its buyer (or an admin) sees it. Money in minor units of `currency`. */
export type OrderView = {
  id: string;
  number: number;
  status: OrderStatus;
  email: string;
  currency: string;
  subtotalCents: number;
  /** The code applied at checkout (upper-case) and what it took off; null and 0 without one. */
  discountCode: string | null;
  discountCents: number;
  shippingCents: number;
  taxCents: number;
  /** The shipping country's rate when ordered (1900 = 19 %); null for orders placed before tax was charged. */
  taxRateBasisPoints: number | null;
  totalCents: number;
  items: OrderItemView[];
  shippingAddress: ShippingAddress | null;
  trackingNumber: string | null;
  /** The carrier's page for the tracking number (SHOP_TRACKING_URL). */
  trackingUrl: string | null;
  cancelReason: string | null;
  /** Until then the stock is held for an unpaid order. */
  reservedUntil: Date | null;
  /** The payment page to go back to while the order awaits payment and its hold lasts; null otherwise. */
  paymentUrl: string | null;
  paidAt: Date | null;
  createdAt: Date;
  timeline: OrderTimelineEntry[];
  canCancel: boolean;
  /** Placed signed out; its page opens with the link's token. */
  guest: boolean;
};

/** A row of an order list. */
export type OrderSummaryView = {
  id: string;
  number: number;
  status: OrderStatus;
  email: string;
  currency: string;
  totalCents: number;
  itemCount: number;
  /** The first few product names, for a one-line description. */
  itemNames: string[];
  trackingNumber: string | null;
  createdAt: Date;
};

export const ORDER_VIEW_INCLUDE = {
  items: { orderBy: [{ productName: "asc" }, { variantLabel: "asc" }], include: { product: { select: { images: true } } } },
  events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
} as const satisfies Prisma.OrderInclude;

export const ORDER_SUMMARY_INCLUDE = {
  items: { select: { productName: true, variantLabel: true, quantity: true }, orderBy: [{ productName: "asc" }, { variantLabel: "asc" }] },
} as const satisfies Prisma.OrderInclude;

type OrderWithDetails = Prisma.OrderGetPayload<{ include: typeof ORDER_VIEW_INCLUDE }>;
type OrderWithItems = Prisma.OrderGetPayload<{ include: typeof ORDER_SUMMARY_INCLUDE }>;

export function toOrderView(order: OrderWithDetails): OrderView {
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    email: order.email,
    currency: order.currency,
    subtotalCents: order.subtotalCents,
    discountCode: order.discountCode,
    discountCents: order.discountCents,
    shippingCents: order.shippingCents,
    taxCents: order.taxCents,
    taxRateBasisPoints: order.taxRateBasisPoints,
    totalCents: order.totalCents,
    items: order.items.map((item) => ({
      productId: item.productId,
      productName: item.productName,
      productSlug: item.productSlug,
      variantId: item.variantId,
      variantLabel: item.variantLabel,
      sku: item.sku,
      image: item.product.images[0] ?? null,
      unitPriceCents: item.unitPriceCents,
      quantity: item.quantity,
      lineTotalCents: item.unitPriceCents * item.quantity,
    })),
    shippingAddress: storedShippingAddress(order.shippingAddress),
    trackingNumber: order.trackingNumber,
    trackingUrl: trackingUrlFor(order.trackingNumber),
    cancelReason: order.cancelReason,
    reservedUntil: order.reservedUntil,
    paymentUrl: order.status === "payment_pending" && order.reservedUntil && order.reservedUntil > new Date() ? order.checkoutUrl : null,
    paidAt: order.paidAt,
    createdAt: order.createdAt,
    timeline: order.events.map((event) => ({ status: event.status, note: event.note, at: event.createdAt })),
    canCancel: CANCELLABLE.has(order.status),
    guest: order.userId === null,
  };
}

const NAMES_SHOWN = 3;

export function toOrderSummary(order: OrderWithItems): OrderSummaryView {
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    email: order.email,
    currency: order.currency,
    totalCents: order.totalCents,
    itemCount: order.items.reduce((sum, item) => sum + item.quantity, 0),
    itemNames: order.items.slice(0, NAMES_SHOWN).map((item) => (item.variantLabel ? `${item.productName} (${item.variantLabel})` : item.productName)),
    trackingNumber: order.trackingNumber,
    createdAt: order.createdAt,
  };
}
