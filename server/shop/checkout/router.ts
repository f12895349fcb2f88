import { getPayments } from "@/server/platform/payments";
import { requestClientIp } from "@/server/platform/ratelimit";
import { publicProcedure, router } from "@/server/trpc/init";
import { requestOrigin } from "@/server/web/request-origin";
import { openCart } from "../cart/open-cart";
import { StartCheckoutInput, startCheckout } from "./start-checkout";

/**
 * Orders the caller's cart and opens a payment session; the browser goes to
 * the answered `url`. Input, holds and refusals: start-checkout.ts.
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
