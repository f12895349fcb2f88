import { router } from "@/server/trpc/init";
import { cartRouter } from "./cart/router";

/**
 * The Shop API for the browser, one sub-router per area; each area's router
 * lists its procedures and their shapes.
 */
export const shopRouter = router({
  cart: cartRouter,
});
