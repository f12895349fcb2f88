import { z } from "zod";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import type { SessionUser } from "@/server/platform/auth";
import type { Db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import type { CheckoutLineItem, PaymentGateway } from "@/server/platform/payments/payments";
import { consume, rateLimitError } from "@/server/platform/ratelimit";
import type { Redis } from "@/server/platform/redis";
import type { CartId } from "../cart/cart-id";
import { loadCartProducts } from "../cart/cart-products";
import { cartLineKey, readCartLines, type CartLine } from "../cart/cart-store";
import { describeDiscount } from "../discounts/discount-rules";
import { redeemDiscountCode } from "../discounts/redeem-discount-code";
import { reserveStock, SHOP_TRANSACTION, type StockLine } from "../inventory";
import { cancelUnpaidOrder } from "../orders/cancel-unpaid-order";
import { changeOrderStatus } from "../orders/change-order-status";
import { completeFreeOrder } from "./complete-free-order";
import { newOrderAccessToken } from "../orders/order-access-token";
import { SHOP_PAYMENT_KIND, shopCheckoutKey } from "./payment-keys";
import { priceCheckout } from "./price-checkout";
import { taxRateLabel } from "./tax-rate-label";
import { BuyerEmail, ShippingAddress } from "./shipping-address";

/** What the checkout form sends. No prices: totals come from the database at this moment. */
export const StartCheckoutInput = z.object({
  /** Required for guests; signed-in buyers default to their account's email. */
  email: BuyerEmail.optional(),
  shippingAddress: ShippingAddress,
  /** A discount code as typed; refused with `field: "discountCode"` when it does not apply. */
  discountCode: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((code) => code || undefined),
});
export type StartCheckoutInput = z.input<typeof StartCheckoutInput>;

export type StartedCheckout = { orderId: string; url: string };

const log = logger.child({ module: "shop-checkout" });

/**
 * The checkout saga's first half. In one transaction: the order with totals
 * computed from current database prices (discount, shipping and the shipping
 * country's tax: order-totals.ts), its items, its first timeline row, the
 * discount code's use and the stock reservations (held for
 * SHOP_CHECKOUT_MINUTES) — all or nothing, so a sold-out line or a code used
 * up meanwhile leaves no trace. Then the payment session, keyed
 * by the order so a retry never opens a second one, and the order becomes
 * payment_pending. If the session cannot be created, the compensation cancels
 * the order and gives the stock back. Payment completes in
 * apply-payment-event.ts, when the gateway's webhook arrives; an order with
 * nothing to pay completes at once (complete-free-order.ts).
 */
export async function startCheckout({
  db,
  redis,
  payments,
  user,
  cartId,
  clientIp,
  origin,
  input,
  now = new Date(),
}: {
  db: Db;
  redis: Redis;
  payments: PaymentGateway;
  user: SessionUser | null;
  cartId: CartId | null;
  clientIp: string;
  /** Where the buyer returns after paying: the origin the browser used (server/web/request-origin.ts). */
  origin: string;
  input: z.output<typeof StartCheckoutInput>;
  now?: Date;
}): Promise<StartedCheckout> {
  const email = input.email ?? user?.email;
  if (!email) throw new AppError("BAD_REQUEST", "Enter your email so we can send the receipt.", { field: "email" });

  const limitKey = user ? `user:${user.id}` : `ip:${clientIp}`;
  const limit = await consume("checkout", limitKey);
  if (!limit.allowed) throw rateLimitError(limit);

  const cartLines = cartId ? await readCartLines(redis, cartId) : [];
  if (cartLines.length === 0) throw new AppError("BAD_REQUEST", "Your cart is empty.");
  const lines = await priceLines(db, cartLines);
  const subtotalCents = lines.reduce((sum, line) => sum + line.unitPriceCents * line.quantity, 0);
  const { totals, discount, discountError } = await priceCheckout(db, { subtotalCents, discountCode: input.discountCode, country: input.shippingAddress.country, limitKey, now });
  if (discountError) throw new AppError("BAD_REQUEST", discountError, { field: "discountCode" });
  const reservedUntil = new Date(now.getTime() + env.SHOP_CHECKOUT_MINUTES * 60_000);
  const guestToken = user ? null : newOrderAccessToken();

  const order = await db.$transaction(async (tx) => {
    const created = await tx.order.create({
      data: {
        userId: user?.id ?? null,
        email,
        currency: env.SHOP_CURRENCY,
        subtotalCents,
        discountCents: totals.discountCents,
        shippingCents: totals.shippingCents,
        taxCents: totals.taxCents,
        taxRateBasisPoints: totals.taxRateBasisPoints,
        totalCents: totals.totalCents,
        discountCode: discount?.code ?? null,
        discountCodeId: discount?.id ?? null,
        shippingAddress: input.shippingAddress,
        accessTokenHash: guestToken?.hash ?? null,
        cartId,
        reservedUntil,
        items: {
          create: lines.map(({ productId, variantId, productName, productSlug, variantLabel, sku, unitPriceCents, quantity }) => ({
            productId,
            variantId,
            productName,
            productSlug,
            variantLabel,
            sku,
            unitPriceCents,
            quantity,
          })),
        },
        events: { create: { status: "created" } },
      },
      select: { id: true, number: true, totalCents: true },
    });
    if (discount) await redeemDiscountCode(tx, { codeId: discount.id, code: discount.code, now });
    await reserveStock(tx, { orderId: created.id, lines, expiresAt: reservedUntil });
    return created;
  }, SHOP_TRANSACTION);

  const orderPage = `${origin}/shop/orders/${order.id}`;
  const tokenParam = guestToken ? `&token=${guestToken.token}` : "";
  if (totals.totalCents === 0) {
    await completeFreeOrder({ db, redis, orderId: order.id, cartId });
    return { orderId: order.id, url: `${orderPage}?checkout=success${tokenParam}` };
  }
  const lineItems: CheckoutLineItem[] = lines.map((line) => ({
    name: line.variantLabel ? `${line.productName} (${line.variantLabel})` : line.productName,
    unitAmountCents: line.unitPriceCents,
    quantity: line.quantity,
  }));
  if (totals.shippingCents > 0) lineItems.push({ name: "Shipping", unitAmountCents: totals.shippingCents, quantity: 1 });
  if (totals.taxCents > 0) lineItems.push({ name: `Tax (${taxRateLabel(totals.taxRateBasisPoints ?? 0)})`, unitAmountCents: totals.taxCents, quantity: 1 });

  let session;
  try {
    session = await payments.createCheckoutSession({
      lineItems,
      currency: env.SHOP_CURRENCY,
      customerEmail: email,
      // The amount is ours (rounded as the order is), not a percentage the payment provider would round its own way.
      discount: discount && totals.discountCents > 0 ? { name: `${discount.code} (${describeDiscount(discount, env.SHOP_CURRENCY)})`, amountOffCents: totals.discountCents } : undefined,
      metadata: { kind: SHOP_PAYMENT_KIND, orderId: order.id },
      successUrl: `${orderPage}?checkout=success${tokenParam}`,
      cancelUrl: `${orderPage}?checkout=cancelled${tokenParam}`,
      // Stripe counts its 30-minute minimum from its own clock: measure from now, not from when the order was written.
      expiresAt: new Date(Date.now() + env.SHOP_CHECKOUT_MINUTES * 60_000),
      idempotencyKey: shopCheckoutKey(order.id),
    });
  } catch (error) {
    log.warn({ orderId: order.id, err: error instanceof Error ? error.message : String(error) }, "checkout session failed; cancelling the order");
    await cancelUnpaidOrder(db, { orderId: order.id, from: ["created"], reason: "The payment could not be started." });
    throw new AppError("UNAVAILABLE", "We could not start the payment. Nothing was charged; please try again in a moment.");
  }

  await changeOrderStatus(db, {
    orderId: order.id,
    from: ["created"],
    to: "payment_pending",
    data: { checkoutSessionId: session.id, checkoutUrl: session.url, paymentProvider: payments.provider },
  });
  return { orderId: order.id, url: session.url };
}

type PricedLine = StockLine & {
  productName: string;
  productSlug: string;
  variantLabel: string | null;
  sku: string | null;
  unitPriceCents: number;
};

/** Today's name and price for each cart line (a variant's own price when it has one); a line that cannot be bought stops the checkout by name. */
async function priceLines(db: Db, cartLines: CartLine[]): Promise<PricedLine[]> {
  const products = await loadCartProducts(db, cartLines);
  return cartLines.map((line) => {
    const product = products.get(cartLineKey(line));
    const name = product?.variant ? `${product.name} (${product.variant.label})` : (product?.name ?? "A product in your cart");
    if (!product || !product.active) {
      throw new AppError("CONFLICT", `${name} is no longer available. Remove it from your cart to continue.`, { productId: line.productId });
    }
    if (product.currency !== env.SHOP_CURRENCY) {
      throw new AppError("CONFLICT", `${product.name} cannot be bought in ${env.SHOP_CURRENCY.toUpperCase()}.`, { productId: line.productId });
    }
    return {
      productId: line.productId,
      variantId: product.variant?.id ?? null,
      productName: product.name,
      productSlug: product.slug,
      variantLabel: product.variant?.label ?? null,
      sku: product.variant?.sku ?? null,
      unitPriceCents: product.priceCents,
      quantity: line.quantity,
    };
  });
}
