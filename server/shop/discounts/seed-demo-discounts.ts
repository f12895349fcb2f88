import type { Db } from "@/server/platform/db";

/** The demo codes the README lists: no expiry, no usage limit. */
export const DEMO_DISCOUNT_CODES = [
  { code: "WELCOME10", kind: "percent", value: 10, minSubtotalCents: 0 },
  { code: "SAVE5", kind: "amount", value: 500, minSubtotalCents: 2_500 },
] as const;

/** Idempotent: a code that exists (perhaps edited or used in the demo) is left alone. Returns how many were created. */
export async function seedDemoDiscounts({ db }: { db: Db }): Promise<number> {
  const created = await db.discountCode.createMany({ data: DEMO_DISCOUNT_CODES.map((code) => ({ ...code })), skipDuplicates: true });
  return created.count;
}
