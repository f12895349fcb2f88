import { adminProcedure, router } from "@/server/trpc/init";
import { createDiscountCode } from "./create-discount-code";
import { CreateDiscountCodeInput } from "./discount-rules";
import { listDiscountCodes } from "./list-discount-codes";

/**
 * Staff manage discount codes (role admin; anyone else gets FORBIDDEN).
 * Buyers apply codes through shop.checkout.quote and shop.checkout.start.
 */
export const adminDiscountsRouter = router({
  list: adminProcedure.query(({ ctx }) => listDiscountCodes({ db: ctx.db })),
  create: adminProcedure.input(CreateDiscountCodeInput).mutation(({ ctx, input }) => createDiscountCode({ db: ctx.db, input })),
});
