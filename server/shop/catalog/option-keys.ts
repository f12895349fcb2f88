import type { ProductOption } from "../variants/variant-rules";

/**
 * The denormalised option columns search filters and counts by (the shop
 * migration "shop_option_facets"), computed here and nowhere else, whenever a
 * product's variants are written:
 *
 * - a variant's `optionKeys`: one "size␟m" per option, lower-case, so
 *   "Size M" matches a product that spells it "size m"; a filter is an array
 *   overlap per option on ONE variant, so Size M + Colour Black never matches a
 *   product whose M is red and whose black is L;
 * - a product's `optionLabels` and `optionRanks`: every option value that some
 *   variant has, as spelled ("Size␟M"), with its place in its option from 0
 *   (first) to 1 (last), so the facet can show the most common spelling and
 *   order sizes as the products do (S, M, L; not alphabetically).
 *
 * ␟ is U+001F (unit separator): a control character, never typed in a name.
 */
export const OPTION_KEY_SEPARATOR = "\u001f";

export function optionKey(name: string, value: string): string {
  return `${name}${OPTION_KEY_SEPARATOR}${value}`.toLowerCase();
}

export type OptionColumns = { optionLabels: string[]; optionRanks: number[]; variantKeys: string[][] };

/** The columns for a product with `options` and variants of `variantValues` (each in the options' order). */
export function optionColumnsOf(options: readonly ProductOption[], variantValues: readonly (readonly string[])[]): OptionColumns {
  const optionLabels: string[] = [];
  const optionRanks: number[] = [];
  for (const [optionIndex, option] of options.entries()) {
    const last = Math.max(1, option.values.length - 1);
    for (const [valueIndex, value] of option.values.entries()) {
      // A value no variant has is not sold: it would be a facet value that finds nothing.
      if (!variantValues.some((values) => values[optionIndex] === value)) continue;
      optionLabels.push(`${option.name}${OPTION_KEY_SEPARATOR}${value}`);
      optionRanks.push(valueIndex / last);
    }
  }
  const variantKeys = variantValues.map((values) => values.map((value, index) => optionKey(options[index]?.name ?? "", value)));
  return { optionLabels, optionRanks, variantKeys };
}
