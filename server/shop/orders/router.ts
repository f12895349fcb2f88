import { getPayments } from "@/server/platform/payments";
import { adminProcedure, protectedProcedure, publicProcedure, router } from "@/server/trpc/init";
import { AdvanceOrderInput, advanceOrder } from "./advance-order";
import { cancelOrder } from "./cancel-order";
import { OrderIdInput, getOrder } from "./get-order";
import { ListAllOrdersInput, listAllOrders } from "./list-all-orders";
import { OrderPageInput, listMyOrders } from "./list-my-orders";

/**
 * shop.orders.list    query     { cursor?, limit?: 1..50 = 20 } → { items: OrderSummaryView[], nextCursor }   (signed in)
 * shop.orders.get     query     { orderId, token? } → OrderView   (the buyer, an admin, or a guest with the link's token;
 *                                 anyone else NOT_FOUND)
 * shop.orders.cancel  mutation  { orderId, token? } → OrderView   (before shipping: unpaid → cancelled, paid/preparing →
 *                                 refunded; CONFLICT once shipped)
 * Live: `shop.order.updated` { orderId, status } on the buyer's private-user channel after every change.
 */
export const ordersRouter = router({
  list: protectedProcedure.input(OrderPageInput).query(({ ctx, input }) => listMyOrders({ db: ctx.db, userId: ctx.user.id, input })),
  get: publicProcedure
    .input(OrderIdInput)
    .query(({ ctx, input }) => getOrder({ db: ctx.db, orderId: input.orderId, viewer: { user: ctx.user, token: input.token } })),
  cancel: publicProcedure
    .input(OrderIdInput)
    .mutation(({ ctx, input }) => cancelOrder({ db: ctx.db, payments: getPayments(), orderId: input.orderId, viewer: { user: ctx.user, token: input.token } })),
});

/**
 * shop.adminOrders.list     query     { status?, search? (number or email), cursor?, limit? } → { items, nextCursor }
 * shop.adminOrders.advance  mutation  { orderId, to: "preparing" } | { orderId, to: "shipped", trackingNumber (3–64) }
 *                                     | { orderId, to: "delivered" } → OrderView   (CONFLICT when out of order)
 * Admins open one order with shop.orders.get.
 */
export const adminOrdersRouter = router({
  list: adminProcedure.input(ListAllOrdersInput).query(({ ctx, input }) => listAllOrders({ db: ctx.db, input })),
  advance: adminProcedure.input(AdvanceOrderInput).mutation(({ ctx, input }) => advanceOrder({ db: ctx.db, adminId: ctx.user.id, input })),
});
