/**
 * How the shop names itself to the payments module. The idempotency keys are
 * derived from the order, so retrying a checkout or a refund for the same
 * order can never open a second session or refund twice.
 */
export const SHOP_PAYMENT_KIND = "shop-order";

export function shopCheckoutKey(orderId: string): string {
  return `shop-order-${orderId}-checkout`;
}

export function shopRefundKey(orderId: string): string {
  return `shop-order-${orderId}-refund`;
}
