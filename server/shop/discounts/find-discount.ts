import type { Db } from "@/server/platform/db";
import { DiscountCodeText, discountCentsFor, discountRefusal, unknownCodeMessage, type DiscountTerms } from "./discount-rules";

export type UsableDiscount = DiscountTerms & { id: string; discountCents: number };

/**
 * Looks up what a buyer typed and judges it against their subtotal: the code
 * with the amount it takes off, or the sentence that says why not (unknown,
 * expired, used up, subtotal too small).
 */
export async function findDiscount(
  db: Db,
  { code, subtotalCents, currency, now }: { code: string; subtotalCents: number; currency: string; now: Date },
): Promise<{ discount: UsableDiscount; error: null } | { discount: null; error: string }> {
  const parsed = DiscountCodeText.safeParse(code);
  const typed = code.trim().toUpperCase();
  if (!parsed.success) return { discount: null, error: unknownCodeMessage(typed) };
  const row = await db.discountCode.findUnique({ where: { code: parsed.data } });
  if (!row) return { discount: null, error: unknownCodeMessage(parsed.data) };
  const error = discountRefusal(row, { subtotalCents, currency, now });
  if (error) return { discount: null, error };
  return { discount: { ...row, discountCents: discountCentsFor(row, subtotalCents) }, error: null };
}
