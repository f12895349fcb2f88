import type { Db } from "@/server/platform/db";
import { toDiscountCodeView, type DiscountCodeView } from "./discount-code-view";

/** How many codes the admin page lists, newest first. */
export const DISCOUNT_CODES_LISTED = 200;

export async function listDiscountCodes({ db }: { db: Db }): Promise<DiscountCodeView[]> {
  const rows = await db.discountCode.findMany({ orderBy: { createdAt: "desc" }, take: DISCOUNT_CODES_LISTED });
  return rows.map(toDiscountCodeView);
}
