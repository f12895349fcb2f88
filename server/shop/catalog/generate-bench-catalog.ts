import { pickWith, seededRandom } from "@/server/platform/seeded-random";
import { DEMO_CATEGORIES } from "./demo-catalog-data";
import { generateBenchVariants, type BenchVariants } from "./generate-bench-variants";

/**
 * A large, deterministic catalog for bench:shop: the same seed gives the same
 * products in the same order. Names combine a brand, a qualifier, a product
 * noun and a model number ("Sonora Wireless Headphones X200"), descriptions
 * mix category-specific feature phrases, so full-text and trigram search see
 * realistic vocabulary and skew (some nouns are far more common than others).
 */
export type BenchProduct = {
  slug: string;
  name: string;
  description: string;
  brand: string;
  categorySlug: string;
  priceCents: number;
  onHand: number;
  ratingCount: number;
  ratingTotal: number;
  ratingAvg: number;
  featured: boolean;
  createdAt: Date;
  /** Sizes and colours for the nouns sold in them (onHand is then their sum); null otherwise. */
  variants: BenchVariants | null;
};

type Kind = { nouns: string[]; qualifiers: string[]; features: string[]; priceRange: [number, number] };

const BRANDS = ["Sonora", "Kestrel", "Tidewave", "Vela", "Northwind", "Ironclad", "Keyforge", "Lumen", "Orbit", "Fotonic", "Polar", "Crema", "Hearthstone", "Kitchenly", "Ridgeline", "Brightpath", "Oakline", "Stride", "Apex", "Nimbus", "Quartz", "Summit", "Harbor", "Cobalt"];

const KINDS: Record<string, Kind> = {
  audio: {
    nouns: ["Headphones", "Earbuds", "Speaker", "Soundbar", "Turntable", "Microphone", "Amplifier", "Subwoofer"],
    qualifiers: ["Wireless", "Noise-Cancelling", "Portable", "Studio", "Bluetooth", "Waterproof", "Over-Ear", "Compact"],
    features: ["active noise cancellation", "a 40-hour battery", "deep bass", "multipoint Bluetooth pairing", "a USB-C charging case", "studio-grade drivers", "hi-res audio support", "a built-in microphone for calls"],
    priceRange: [1_999, 49_999],
  },
  computers: {
    nouns: ["Laptop", "Monitor", "Keyboard", "Mouse", "Docking Station", "SSD", "Webcam", "Desktop PC", "Router"],
    qualifiers: ["Ultralight", "Gaming", "4K", "Mechanical", "Wireless", "Portable", "Ergonomic", "Pro"],
    features: ["16 GB of RAM", "a 1 TB SSD", "Thunderbolt ports", "a backlit keyboard", "a 144 Hz display", "USB-C power delivery", "Wi-Fi 7", "an aluminium chassis"],
    priceRange: [2_499, 249_999],
  },
  phones: {
    nouns: ["Smartphone", "Tablet", "Charger", "Phone Case", "Power Bank", "Stylus", "Screen Protector", "Smartwatch"],
    qualifiers: ["5G", "Rugged", "Fast", "Magnetic", "Slim", "Foldable", "Kids", "Wireless"],
    features: ["a 120 Hz OLED display", "a triple camera", "fast charging", "wireless charging", "a two-day battery", "drop protection", "256 GB of storage", "stylus support"],
    priceRange: [999, 149_999],
  },
  cameras: {
    nouns: ["Mirrorless Camera", "Lens", "Tripod", "Action Camera", "Drone", "Camera Bag", "Ring Light", "Instant Camera"],
    qualifiers: ["Full-Frame", "Compact", "Carbon", "4K", "Travel", "Weather-Sealed", "Prime", "Zoom"],
    features: ["in-body stabilisation", "eye-tracking autofocus", "4K60 video", "weather sealing", "a fast f/1.8 aperture", "30-minute flights", "a quick-release plate", "Wi-Fi transfer"],
    priceRange: [2_999, 299_999],
  },
  kitchen: {
    nouns: ["Espresso Machine", "Kettle", "Coffee Grinder", "Skillet", "Dutch Oven", "Air Fryer", "Blender", "Chef Knife", "Toaster"],
    qualifiers: ["Stainless", "Cast Iron", "Electric", "Precision", "Ceramic", "Nonstick", "Smart", "Classic"],
    features: ["temperature control", "a conical burr grinder", "dishwasher-safe parts", "even heat distribution", "a 15-bar pump", "a keep-warm function", "a forged steel blade", "eight cooking presets"],
    priceRange: [1_499, 89_999],
  },
  outdoors: {
    nouns: ["Tent", "Sleeping Bag", "Backpack", "Water Bottle", "Headlamp", "Camp Stove", "Trekking Poles", "Hammock", "Rain Jacket"],
    qualifiers: ["Ultralight", "Waterproof", "Insulated", "4-Season", "Packable", "Solar", "Trail", "Expedition"],
    features: ["taped seams", "650-fill down", "a rain cover", "a red night mode", "a piezo igniter", "carbon shafts", "a mosquito net", "pit zips"],
    priceRange: [1_499, 59_999],
  },
  "home-office": {
    nouns: ["Standing Desk", "Office Chair", "Desk Lamp", "Monitor Arm", "Desk Mat", "Bookshelf", "Footrest", "Filing Cabinet"],
    qualifiers: ["Ergonomic", "Electric", "Walnut", "Adjustable", "Mesh", "LED", "Compact", "Oak"],
    features: ["lumbar support", "memory presets", "a solid oak top", "dimmable light", "gas-spring arms", "cable management", "4D armrests", "a steel frame"],
    priceRange: [1_999, 99_999],
  },
  fitness: {
    nouns: ["Dumbbells", "Yoga Mat", "Fitness Tracker", "Resistance Bands", "Kettlebell", "Foam Roller", "Jump Rope", "Exercise Bike", "Running Shoes"],
    qualifiers: ["Adjustable", "Non-Slip", "Smart", "Heavy-Duty", "Folding", "Vibrating", "Cushioned", "Pro"],
    features: ["heart-rate tracking", "built-in GPS", "a non-slip surface", "magnetic resistance", "a 10-day battery", "a breathable knit upper", "a dial-adjustable weight", "a carry strap"],
    priceRange: [999, 79_999],
  },
};

/** Skewed pick: low indexes are chosen more often (popular nouns, brands). */
function pickSkewed<T>(items: readonly T[], random: () => number): T {
  const index = Math.floor(items.length * random() * random());
  return items[index] ?? (items[0] as T);
}


export const BENCH_CATEGORY_SLUGS = DEMO_CATEGORIES.map((category) => category.slug);

/** `count` products whose slugs start with `slugPrefix`; the same (count, seed) always gives the same list. */
export function* generateBenchCatalog({ count, slugPrefix, seed = 42, now = new Date("2026-11-01T00:00:00Z") }: { count: number; slugPrefix: string; seed?: number; now?: Date }): Generator<BenchProduct> {
  const random = seededRandom(seed);
  // A stream of its own, so the products themselves are the same as before variants were added.
  const variantRandom = seededRandom(seed + 1);
  for (let index = 0; index < count; index++) {
    const categorySlug = pickWith(random, BENCH_CATEGORY_SLUGS);
    const kind = KINDS[categorySlug] ?? (KINDS.audio as Kind);
    const brand = pickSkewed(BRANDS, random);
    const qualifier = pickWith(random, kind.qualifiers);
    const noun = pickSkewed(kind.nouns, random);
    const model = `${String.fromCharCode(65 + Math.floor(random() * 26))}${100 + Math.floor(random() * 900)}`;
    const name = `${brand} ${qualifier} ${noun} ${model}`;
    const features = [pickWith(random, kind.features), pickWith(random, kind.features), pickWith(random, kind.features)];
    const description =
      `The ${qualifier.toLowerCase()} ${noun.toLowerCase()} from ${brand} with ${features[0]}, ${features[1]} and ${features[2]}. ` +
      `Designed for everyday use, backed by a two-year warranty and free returns within 30 days.`;
    const [low, high] = kind.priceRange;
    const priceCents = Math.round((low + (high - low) * random() * random()) / 100) * 100 - 1;
    const stockRoll = random();
    const stock = stockRoll < 0.08 ? 0 : stockRoll < 0.15 ? 1 + Math.floor(random() * 3) : 4 + Math.floor(random() * 120);
    const ratingCount = random() < 0.2 ? 0 : 1 + Math.floor(random() * 400);
    const ratingAvg = ratingCount === 0 ? 0 : Math.round((2 + random() * 3) * 10) / 10;
    const variants = generateBenchVariants(noun, variantRandom);
    const onHand = variants ? variants.variants.reduce((sum, variant) => sum + variant.onHand, 0) : stock;
    yield {
      slug: `${slugPrefix}${index}`,
      name,
      description,
      brand,
      categorySlug,
      priceCents,
      onHand,
      ratingCount,
      ratingTotal: Math.round(ratingAvg * ratingCount),
      ratingAvg,
      featured: random() < 0.01,
      createdAt: new Date(now.getTime() - Math.floor(random() * 365 * 86_400_000)),
      variants,
    };
  }
}
