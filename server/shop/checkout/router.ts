import { getPayments } from "@/server/platform/payments";
import { requestClientIp } from "@/server/platform/ratelimit";
import { publicProcedure, router } from "@/server/trpc/init";
import { requestOrigin } from "@/server/web/request-origin";
import { openCart } from "../cart/open-cart";
import { QuoteCheckoutInput, quoteCheckout } from "./quote-checkout";
import { StartCheckoutInput, startCheckout } from "./start-checkout";

/**
 * `quote` prices the caller's cart with a discount code and a shipping
 * country (quote-checkout.ts); `start` orders it and opens a payment session,
 * and the browser goes to the answered `url` (input, holds and refusals:
 * start-checkout.ts).
 */
export const checkoutRouter = router({
  quote: publicProcedure.input(QuoteCheckoutInput).query(async ({ ctx, input }) =>
    quoteCheckout({
      db: ctx.db,
      redis: ctx.redis,
      cartId: await openCart(ctx, { forWrite: false }),
      limitKey: ctx.user ? `user:${ctx.user.id}` : `ip:${requestClientIp(ctx.headers)}`,
      input,
    }),
  ),
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
