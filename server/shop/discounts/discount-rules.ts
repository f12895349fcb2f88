import { z } from "zod";
import { formatMoney } from "@/components/ui/money";

/**
 * What a discount code is and when it applies. Pure (no server imports): the
 * admin form validates with the same schema the server checks, and checkout,
 * quotes and tests share one rule for the amount taken off.
 */
export const DISCOUNT_LIMITS = {
  codeMin: 3,
  codeMax: 32,
  /** A fixed amount off, in minor units: $10,000.00 at most. */
  amountMaxCents: 1_000_000,
  usageLimitMax: 1_000_000,
  minSubtotalMaxCents: 10_000_000,
} as const;

/** Codes are stored upper-case; buyers may type them in any case and with spaces around. */
export const DiscountCodeText = z
  .string()
  .trim()
  .toUpperCase()
  .min(DISCOUNT_LIMITS.codeMin, `Codes are ${DISCOUNT_LIMITS.codeMin} to ${DISCOUNT_LIMITS.codeMax} characters.`)
  .max(DISCOUNT_LIMITS.codeMax, `Codes are ${DISCOUNT_LIMITS.codeMin} to ${DISCOUNT_LIMITS.codeMax} characters.`)
  .regex(/^[A-Z0-9_-]+$/, "Codes use letters, digits, '-' and '_'.");

export type DiscountKind = "percent" | "amount";

/** What the admin form sends. The expiry's "in the future" is checked on the server, against its clock. */
export const CreateDiscountCodeInput = z
  .object({
    code: DiscountCodeText,
    kind: z.enum(["percent", "amount"]),
    /** percent: 1–100; amount: minor units. */
    value: z.number().int("Enter a whole number.").min(1, "Enter an amount above zero."),
    minSubtotalCents: z
      .number()
      .int()
      .min(0, "The minimum subtotal cannot be negative.")
      .max(DISCOUNT_LIMITS.minSubtotalMaxCents, "That minimum subtotal is too large.")
      .default(0),
    expiresAt: z.coerce.date().nullish(),
    usageLimit: z
      .number()
      .int("Enter a whole number.")
      .min(1, "A usage limit is at least 1 (leave it empty for no limit).")
      .max(DISCOUNT_LIMITS.usageLimitMax, `A usage limit is at most ${DISCOUNT_LIMITS.usageLimitMax.toLocaleString("en")}.`)
      .nullish(),
  })
  .superRefine((input, ctx) => {
    if (input.kind === "percent" && input.value > 100) ctx.addIssue({ code: "custom", path: ["value"], message: "A percentage is at most 100." });
    if (input.kind === "amount" && input.value > DISCOUNT_LIMITS.amountMaxCents) {
      ctx.addIssue({ code: "custom", path: ["value"], message: `An amount off is at most ${DISCOUNT_LIMITS.amountMaxCents / 100} in the shop's currency.` });
    }
  });

/** The facts of a code that decide what it takes off and whether it may be used now. */
export type DiscountTerms = {
  code: string;
  kind: DiscountKind;
  /** percent: 1–100; amount: minor units. */
  value: number;
  minSubtotalCents: number;
  expiresAt: Date | null;
  usageLimit: number | null;
  timesUsed: number;
};

/**
 * The amount off a subtotal, never more than the subtotal. A percentage is
 * rounded half up to the cent (10 % of $0.05 takes $0.01 off).
 */
export function discountCentsFor(terms: Pick<DiscountTerms, "kind" | "value">, subtotalCents: number): number {
  const off = terms.kind === "percent" ? Math.floor((subtotalCents * terms.value + 50) / 100) : terms.value;
  return Math.max(0, Math.min(off, subtotalCents));
}

/** "10% off" or "$5.00 off", for the totals line and the admin list. */
export function describeDiscount(terms: Pick<DiscountTerms, "kind" | "value">, currency: string): string {
  return terms.kind === "percent" ? `${terms.value}% off` : `${formatMoney(terms.value, currency)} off`;
}

/**
 * Why `terms` cannot be used on this subtotal now, as the buyer reads it; null
 * when it can. The usage count read here is advisory: the conditional UPDATE in
 * redeem-discount-code.ts is what holds the limit under concurrency.
 */
export function discountRefusal(terms: DiscountTerms, { subtotalCents, currency, now }: { subtotalCents: number; currency: string; now: Date }): string | null {
  if (terms.expiresAt && terms.expiresAt <= now) return `The code ${terms.code} has expired.`;
  if (terms.usageLimit !== null && terms.timesUsed >= terms.usageLimit) return `The code ${terms.code} has been used up.`;
  if (subtotalCents < terms.minSubtotalCents) {
    return `The code ${terms.code} needs a subtotal of at least ${formatMoney(terms.minSubtotalCents, currency)}.`;
  }
  return null;
}

export function unknownCodeMessage(code: string): string {
  return `We don't know the code ${code}. Check the spelling and try again.`;
}
