import type { ProductOption } from "../variants/variant-rules";

/**
 * Sizes and colours for the bench catalog's products that are sold in them
 * (about one product in seven), so search's option facets are measured on
 * variants as a clothing or shoe store has them: each product offers a run of
 * its kind's sizes and a few colours, not every combination exists, and some
 * are sold out.
 */
export type BenchVariant = { optionValues: string[]; onHand: number };
export type BenchVariants = { options: ProductOption[]; variants: BenchVariant[] };

const APPAREL_SIZES = ["XS", "S", "M", "L", "XL", "XXL"];
const SHOE_SIZES = ["38", "39", "40", "41", "42", "43", "44", "45", "46"];

/** Option name → the values a product of that noun picks a run (sizes) or a handful (the rest) from. */
const OPTIONS_BY_NOUN: Record<string, Record<string, string[]>> = {
  "Rain Jacket": { Size: APPAREL_SIZES, Colour: ["Black", "Navy", "Olive", "Red", "Yellow"] },
  "Sleeping Bag": { Length: ["Regular", "Long"], Colour: ["Blue", "Green", "Orange"] },
  Backpack: { Colour: ["Black", "Grey", "Orange", "Blue"] },
  "Running Shoes": { Size: SHOE_SIZES, Colour: ["Black", "White", "Blue", "Red"] },
  "Yoga Mat": { Colour: ["Purple", "Blue", "Black", "Green"] },
  "Resistance Bands": { Size: ["S", "M", "L"] },
  "Phone Case": { Colour: ["Black", "Clear", "Blue", "Red"] },
  "Office Chair": { Colour: ["Black", "Grey", "White"] },
  Keyboard: { Layout: ["US", "UK", "DE", "FR"] },
};
const SIZE_OPTIONS = new Set(["Size", "Length"]);

export function generateBenchVariants(noun: string, random: () => number): BenchVariants | null {
  const choices = OPTIONS_BY_NOUN[noun];
  if (!choices) return null;
  const options = Object.entries(choices).map(([name, values]): ProductOption => ({ name, values: SIZE_OPTIONS.has(name) ? sizeRun(values, random) : fewOf(values, random) }));
  const combinations = options.reduce<string[][]>((rows, option) => rows.flatMap((row) => option.values.map((value) => [...row, value])), [[]]);
  // One combination in eight is not made; one in six of the rest is sold out.
  const variants = combinations
    .filter((_, index) => index === 0 || random() >= 0.125)
    .map((optionValues) => ({ optionValues, onHand: random() < 1 / 6 ? 0 : 1 + Math.floor(random() * 40) }));
  return { options, variants };
}

/** A contiguous run of at least three sizes, in their order (S to XL, 39 to 44). */
function sizeRun(values: string[], random: () => number): string[] {
  const length = Math.min(values.length, 3 + Math.floor(random() * (values.length - 2)));
  const start = Math.floor(random() * (values.length - length + 1));
  return values.slice(start, start + length);
}

/** Two or more of the values, in the list's order (the first two when chance keeps fewer). */
function fewOf(values: string[], random: () => number): string[] {
  const kept = values.filter(() => random() < 0.6);
  return kept.length >= 2 ? kept : values.slice(0, 2);
}
