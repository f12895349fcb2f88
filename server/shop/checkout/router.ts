import { getPayments } from "@/server/platform/payments";
import { requestClientIp } from "@/server/platform/ratelimit";
import { publicProcedure, router } from "@/server/trpc/init";
import { requestOrigin } from "@/server/web/request-origin";
import { openCart } from "../cart/open-cart";
import { StartCheckoutInput, startCheckout } from "./start-checkout";

/**
 * shop.checkout.start  mutation  { email? (required signed out), shippingAddress: { name, line1, line2?, city, postalCode,
 *                                  country (ISO 3166 alpha-2) } } → { orderId, url }
 *   Orders the caller's cart at today's prices, holds the stock for SHOP_CHECKOUT_MINUTES and opens a payment
 *   session; the browser goes to `url`. CONFLICT names a sold-out or short product; RATE_LIMITED after
 *   RATE_LIMIT_CHECKOUT_POINTS starts a minute; BAD_REQUEST for an empty cart or a missing email (data.field).
 */
export const checkoutRouter = router({
  start: publicProcedure.input(StartCheckoutInput).mutation(async ({ ctx, input }) =>
    startCheckout({
      db: ctx.db,
      redis: ctx.redis,
      payments: getPayments(),
      user: ctx.user,
      // Opening the cart merges a guest cart the buyer filled before signing in.
      cartId: await openCart(ctx, { forWrite: false }),
      clientIp: requestClientIp(ctx.headers),
      origin: requestOrigin(ctx.headers),
      input,
    }),
  ),
});
