import type { DiscountCode } from "@/server/generated/prisma/client";
import type { DiscountTerms } from "./discount-rules";

/** A code as the admin list shows it: its terms, and which row it is. */
export type DiscountCodeView = DiscountTerms & { id: string; createdAt: Date };

export function toDiscountCodeView(row: DiscountCode): DiscountCodeView {
  const { id, code, kind, value, minSubtotalCents, expiresAt, usageLimit, timesUsed, createdAt } = row;
  return { id, code, kind, value, minSubtotalCents, expiresAt, usageLimit, timesUsed, createdAt };
}
