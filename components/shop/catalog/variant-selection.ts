import type { VariantView } from "@/server/shop/variants/variant-view";

/**
 * The product page's option logic, kept out of the component so it reads as
 * rules: a value of option i can be chosen when some variant that matches the
 * choices of the options before it, and has that value, is in stock (as in
 * Shopify's themes, later options adapt to earlier ones, never the reverse).
 */
export type Selection = (string | null)[];

function matchesPrefix(variant: VariantView, selection: Selection, upTo: number): boolean {
  for (let index = 0; index < upTo; index++) if (variant.optionValues[index] !== selection[index]) return false;
  return true;
}

/** "in_stock", "sold_out" (the combination exists, none left) or "unavailable" (no such combination). */
export function valueState(variants: VariantView[], selection: Selection, optionIndex: number, value: string): "in_stock" | "sold_out" | "unavailable" {
  const candidates = variants.filter((variant) => matchesPrefix(variant, selection, optionIndex) && variant.optionValues[optionIndex] === value);
  if (candidates.length === 0) return "unavailable";
  return candidates.some((variant) => variant.available > 0) ? "in_stock" : "sold_out";
}

/** The variant the selection names, or null while it is incomplete or names no variant. */
export function selectedVariant(variants: VariantView[], selection: Selection): VariantView | null {
  return variants.find((variant) => variant.optionValues.every((value, index) => value === selection[index])) ?? null;
}

/** Chooses `value` for option `optionIndex`; later options move to their first in-stock value if the old one no longer fits. */
export function choose(variants: VariantView[], selection: Selection, optionIndex: number, value: string, optionValues: string[][]): Selection {
  const next = [...selection];
  next[optionIndex] = value;
  for (let index = optionIndex + 1; index < optionValues.length; index++) {
    const current = next[index];
    if (current && valueState(variants, next, index, current) === "in_stock") continue;
    next[index] = optionValues[index]?.find((candidate) => valueState(variants, next, index, candidate) === "in_stock") ?? current ?? null;
  }
  return next;
}

/** Where the page starts: the variant from the URL, else the first one in stock, else the first one. */
export function initialSelection(variants: VariantView[], variantId: string | null): Selection {
  const start = variants.find((variant) => variant.id === variantId) ?? variants.find((variant) => variant.available > 0) ?? variants[0];
  return start ? [...start.optionValues] : [];
}
