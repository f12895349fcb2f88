import type { z } from "zod";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { isUniqueViolation } from "@/server/platform/db-errors";
import { toDiscountCodeView, type DiscountCodeView } from "./discount-code-view";
import type { CreateDiscountCodeInput } from "./discount-rules";

/** A new code (admins only). Codes are unique whatever their case; an expiry must lie ahead. */
export async function createDiscountCode({
  db,
  input,
  now = new Date(),
}: {
  db: Db;
  input: z.output<typeof CreateDiscountCodeInput>;
  now?: Date;
}): Promise<DiscountCodeView> {
  if (input.expiresAt && input.expiresAt <= now) throw new AppError("BAD_REQUEST", "The expiry must be in the future.", { field: "expiresAt" });
  try {
    const row = await db.discountCode.create({
      data: {
        code: input.code,
        kind: input.kind,
        value: input.value,
        minSubtotalCents: input.minSubtotalCents,
        expiresAt: input.expiresAt ?? null,
        usageLimit: input.usageLimit ?? null,
      },
    });
    return toDiscountCodeView(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", `The code ${input.code} already exists.`, { field: "code" });
    throw error;
  }
}
