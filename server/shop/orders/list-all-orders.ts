import { z } from "zod";
import { OrderStatus, type Prisma } from "@/server/generated/prisma/client";
import type { Db } from "@/server/platform/db";
import { OrderPageInput, pageOfOrders, type OrderPage } from "./list-my-orders";

export const ListAllOrdersInput = OrderPageInput.extend({
  status: z.enum(OrderStatus).optional(),
  /** An order number ("1042" or "#1042") or part of the buyer's email. */
  search: z.string().trim().max(254).optional(),
});

/** Every order, for the admin area: filtered by status and/or a number or email, newest first. */
export function listAllOrders({ db, input }: { db: Db; input: z.output<typeof ListAllOrdersInput> }): Promise<OrderPage> {
  const where: Prisma.OrderWhereInput = {};
  if (input.status) where.status = input.status;
  if (input.search) {
    const number = /^#?(\d{1,9})$/.exec(input.search)?.[1];
    where.OR = [{ email: { contains: input.search, mode: "insensitive" } }, ...(number ? [{ number: Number(number) }] : [])];
  }
  return pageOfOrders(db, where, input);
}
