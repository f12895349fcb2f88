import { publicProcedure, router } from "@/server/trpc/init";
import { OrderIdInput } from "../orders/get-order";
import { addToCart } from "./add-to-cart";
import { CartLineInput } from "./cart-line-input";
import { buyAgain } from "./buy-again";
import { getCart } from "./get-cart";
import { limitCartWrites } from "./limit-cart-writes";
import { openCart } from "./open-cart";
import { RemoveFromCartInput, removeFromCart } from "./remove-from-cart";
import { setCartQuantity } from "./set-cart-quantity";

/**
 * The cart, for guests and signed-in users alike. Inputs are the zod schemas
 * imported here; every procedure answers the CartView (get-cart.ts). Writes
 * are limited per user or guest IP (limit-cart-writes.ts); refusals carry a
 * message for people and data.appCode (cart-errors.ts). A guest's cart lives
 * behind the httpOnly cookie `cb_cart`; the first cart call after sign-in
 * merges it into the user's cart (open-cart.ts).
 */
const readCartProcedure = publicProcedure.use(async ({ ctx, next }) =>
  next({ ctx: { cartId: await openCart(ctx, { forWrite: false }) } }),
);
const writeCartProcedure = publicProcedure.use(async ({ ctx, next }) => {
  await limitCartWrites(ctx);
  return next({ ctx: { cartId: await openCart(ctx, { forWrite: true }) } });
});

export const cartRouter = router({
  get: readCartProcedure.query(({ ctx }) => getCart({ db: ctx.db, redis: ctx.redis, cartId: ctx.cartId })),
  add: writeCartProcedure
    .input(CartLineInput)
    .mutation(({ ctx, input }) => addToCart({ db: ctx.db, redis: ctx.redis, cartId: ctx.cartId, input })),
  setQuantity: writeCartProcedure
    .input(CartLineInput)
    .mutation(({ ctx, input }) => setCartQuantity({ db: ctx.db, redis: ctx.redis, cartId: ctx.cartId, input })),
  remove: writeCartProcedure
    .input(RemoveFromCartInput)
    .mutation(({ ctx, input }) => removeFromCart({ db: ctx.db, redis: ctx.redis, cartId: ctx.cartId, line: input })),
  /** An order's lines into the cart; the order opens as in shop.orders.get (its buyer, or a guest with the link's token). */
  buyAgain: writeCartProcedure
    .input(OrderIdInput)
    .mutation(({ ctx, input }) =>
      buyAgain({ db: ctx.db, redis: ctx.redis, cartId: ctx.cartId, orderId: input.orderId, viewer: { user: ctx.user, token: input.token } }),
    ),
});
