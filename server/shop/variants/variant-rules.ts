import { z } from "zod";
import { PRODUCT_PRICE_MAX_CENTS, StockInput } from "../admin-products/product-fields";

/**
 * What a product's options and variants may be, shared by the server (which
 * enforces it) and the admin editor (which shows the same messages before
 * sending). Pure: importable in the browser.
 */
export const MAX_OPTIONS = 3;
export const MAX_OPTION_VALUES = 20;
export const MAX_VARIANTS = 100;
export const OPTION_TEXT_MAX = 40;
export const SKU_MAX = 64;

const OptionText = z
  .string()
  .trim()
  .min(1, "Option names and values cannot be empty.")
  .max(OPTION_TEXT_MAX, `Keep option names and values under ${OPTION_TEXT_MAX} characters.`);

export const ProductOption = z.object({
  name: OptionText,
  values: z.array(OptionText).min(1, "Give each option at least one value.").max(MAX_OPTION_VALUES, `At most ${MAX_OPTION_VALUES} values per option.`),
});
export type ProductOption = z.infer<typeof ProductOption>;

export const Sku = z
  .string()
  .trim()
  .toUpperCase()
  .min(1, "Give every variant a SKU.")
  .max(SKU_MAX, `Keep SKUs under ${SKU_MAX} characters.`)
  .regex(/^[A-Z0-9][A-Z0-9._-]*$/, "SKUs use letters, digits, '.', '-' and '_'.");

export const VariantInput = z.object({
  optionValues: z.array(OptionText).max(MAX_OPTIONS),
  sku: Sku,
  /** Null: the product's own price. */
  priceCents: z.number().int("Use whole cents.").min(0, "A price cannot be negative.").max(PRODUCT_PRICE_MAX_CENTS, "That price is too high.").nullable(),
  onHand: StockInput,
});
export type VariantInput = z.infer<typeof VariantInput>;

export const VariantPlan = z.object({
  options: z.array(ProductOption).max(MAX_OPTIONS, `At most ${MAX_OPTIONS} options (such as size and colour).`),
  variants: z.array(VariantInput).max(MAX_VARIANTS, `At most ${MAX_VARIANTS} variants per product.`),
});
export type VariantPlan = z.infer<typeof VariantPlan>;

/** "M · Black": how a variant is named in the cart, on orders and on payment pages. */
export function variantLabelOf(optionValues: readonly string[]): string {
  return optionValues.join(" · ");
}

/** Every combination of the options' values, first option slowest (S·Black, S·White, M·Black, ...). */
export function combinationsOf(options: readonly ProductOption[]): string[][] {
  return options.reduce<string[][]>((rows, option) => rows.flatMap((row) => option.values.map((value) => [...row, value])), [[]]);
}

/** The product's stored options ([] when it has none or the JSON is not what we wrote). */
export function parseProductOptions(stored: unknown): ProductOption[] {
  const parsed = z.array(ProductOption).safeParse(stored);
  return parsed.success ? parsed.data : [];
}

/**
 * The checks a flat schema cannot express, first problem first: every variant
 * names one value of each option, no combination or SKU appears twice, and a
 * product has variants exactly when it has options.
 */
export function planProblem({ options, variants }: VariantPlan): string | null {
  const names = new Set<string>();
  for (const option of options) {
    const key = option.name.toLowerCase();
    if (names.has(key)) return `There are two options called "${option.name}".`;
    names.add(key);
    const values = new Set(option.values.map((value) => value.toLowerCase()));
    if (values.size !== option.values.length) return `${option.name} lists a value twice.`;
  }
  if (options.length > 0 && variants.length === 0) return "Add at least one variant, or remove the options.";
  if (options.length === 0 && variants.length > 0) return "Add an option (such as Size) before adding variants.";

  const combinations = new Set<string>();
  const skus = new Set<string>();
  for (const variant of variants) {
    if (variant.optionValues.length !== options.length) return `Variant ${variant.sku} needs one value for each option.`;
    const unknown = variant.optionValues.findIndex((value, index) => !options[index]?.values.includes(value));
    if (unknown !== -1) return `Variant ${variant.sku}: "${variant.optionValues[unknown]}" is not a value of ${options[unknown]?.name ?? "its option"}.`;
    const combination = JSON.stringify(variant.optionValues);
    if (combinations.has(combination)) return `${variantLabelOf(variant.optionValues)} is listed twice.`;
    combinations.add(combination);
    if (skus.has(variant.sku)) return `The SKU ${variant.sku} is used twice.`;
    skus.add(variant.sku);
  }
  return null;
}
