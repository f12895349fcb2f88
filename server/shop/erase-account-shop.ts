import type { AccountEraser } from "@/server/accounts/account-eraser";
import { clearCart } from "@/server/shop/cart/cart-store";
import { userCartId } from "@/server/shop/cart/cart-id";
import { deleteReview } from "./reviews/delete-review";

/**
 * A deleted account's reviews are withdrawn (their stars leave the products'
 * ratings, as when the author deletes one) and their cart is emptied. Orders
 * stay in the shop's books without the person (the foreign key sets null):
 * the shipping details on them are what the shop keeps for its records.
 */
export const eraseAccountShop: AccountEraser = {
  system: "shop",
  erase: async ({ db, redis, userId }) => {
    const reviews = await db.productReview.findMany({ where: { userId }, select: { id: true } });
    for (const { id } of reviews) await deleteReview({ db, redis, userId, reviewId: id });
    await clearCart(redis, userCartId(userId));
  },
};
