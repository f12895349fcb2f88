import { router } from "@/server/trpc/init";
import { adminProductsRouter } from "./admin-products/router";
import { cartRouter } from "./cart/router";
import { catalogRouter } from "./catalog/router";
import { checkoutRouter } from "./checkout/router";
import { adminDiscountsRouter } from "./discounts/router";
import { adminOrdersRouter, ordersRouter } from "./orders/router";
import { reviewsRouter } from "./reviews/router";

/**
 * The Shop API for the browser, one sub-router per area; each area's router
 * lists its procedures and their shapes.
 */
export const shopRouter = router({
  catalog: catalogRouter,
  reviews: reviewsRouter,
  adminProducts: adminProductsRouter,
  cart: cartRouter,
  checkout: checkoutRouter,
  orders: ordersRouter,
  adminOrders: adminOrdersRouter,
  adminDiscounts: adminDiscountsRouter,
});
