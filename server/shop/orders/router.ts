import { getPayments } from "@/server/platform/payments";
import { adminProcedure, protectedProcedure, publicProcedure, router } from "@/server/trpc/init";
import { AdvanceOrderInput, advanceOrder } from "./advance-order";
import { cancelOrder } from "./cancel-order";
import { OrderIdInput, getOrder } from "./get-order";
import { ListAllOrdersInput, listAllOrders } from "./list-all-orders";
import { OrderPageInput, listMyOrders } from "./list-my-orders";

/**
 * The buyer's orders (inputs: the zod schemas imported here; outputs: the
 * operations' views, order-view.ts). `get` and `cancel` also serve a guest
 * holding the order link's token; anyone else gets NOT_FOUND
 * (get-viewable-order-or-throw.ts). Live changes: order-events.ts.
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

/** Staff move orders along (preparing → shipped → delivered; CONFLICT out of order, advance-order.ts); one order opens with shop.orders.get. */
export const adminOrdersRouter = router({
  list: adminProcedure.input(ListAllOrdersInput).query(({ ctx, input }) => listAllOrders({ db: ctx.db, input })),
  advance: adminProcedure.input(AdvanceOrderInput).mutation(({ ctx, input }) => advanceOrder({ db: ctx.db, adminId: ctx.user.id, input })),
});
