import type { DiscountCode } from "@/server/generated/prisma/client";
import type { DiscountKind } from "./discount-rules";

/** A code as the admin list shows it. */
export type DiscountCodeView = {
  id: string;
  code: string;
  kind: DiscountKind;
  value: number;
  minSubtotalCents: number;
  expiresAt: Date | null;
  usageLimit: number | null;
  timesUsed: number;
  createdAt: Date;
};

export function toDiscountCodeView(row: DiscountCode): DiscountCodeView {
  const { id, code, kind, value, minSubtotalCents, expiresAt, usageLimit, timesUsed, createdAt } = row;
  return { id, code, kind, value, minSubtotalCents, expiresAt, usageLimit, timesUsed, createdAt };
}
