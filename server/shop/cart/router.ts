import { publicProcedure, router } from "@/server/trpc/init";
import { AddToCartInput, addToCart } from "./add-to-cart";
import { getCart } from "./get-cart";
import { limitCartWrites } from "./limit-cart-writes";
import { openCart } from "./open-cart";
import { RemoveFromCartInput, removeFromCart } from "./remove-from-cart";
import { SetCartQuantityInput, setCartQuantity } from "./set-cart-quantity";

/**
 * The cart, for guests and signed-in users alike (server/shop/cart).
 *
 * shop.cart.get          query    → CartView
 * shop.cart.add          mutation { productId, quantity: 1..10 } → CartView
 * shop.cart.setQuantity  mutation { productId, quantity: 0..10 (0 removes) } → CartView
 * shop.cart.remove       mutation { productId } → CartView
 *
 * CartView (get-cart.ts): { lines: { productId, product: CartProduct | null, quantity, lineTotalCents,
 *   problem: null | "sold_out" | "not_enough_stock" | "unavailable" }[], subtotalCents, shippingCents,
 *   totalCents, currency, itemCount, freeShippingRemainingCents }
 * Refusals carry a message for people and data.appCode: NOT_FOUND (product gone or inactive),
 * CONFLICT (sold out / "Only N left"), BAD_REQUEST (quantity out of range, 10 per line, 50 lines),
 * TOO_MANY_REQUESTS after RATE_LIMIT_CART_POINTS writes a minute per user or guest IP.
 * A guest's cart lives behind the httpOnly cookie `cb_cart`; the first cart call after
 * sign-in merges it into the user's cart and clears the cookie (open-cart.ts).
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
    .input(AddToCartInput)
    .mutation(({ ctx, input }) => addToCart({ db: ctx.db, redis: ctx.redis, cartId: ctx.cartId, input })),
  setQuantity: writeCartProcedure
    .input(SetCartQuantityInput)
    .mutation(({ ctx, input }) => setCartQuantity({ db: ctx.db, redis: ctx.redis, cartId: ctx.cartId, input })),
  remove: writeCartProcedure
    .input(RemoveFromCartInput)
    .mutation(({ ctx, input }) => removeFromCart({ db: ctx.db, redis: ctx.redis, cartId: ctx.cartId, productId: input.productId })),
});
