/**
 * `node --import ./scripts/node/register.mjs scripts/shop/generate-product-images.ts`
 *
 * Writes the demo products' gallery images (public/shop/images/<slug>-<n>.svg):
 * a category drawing on a colour derived from the slug, in three views (hero,
 * close-up, in the box). Deterministic: running it again produces the same
 * bytes, so the committed files only change when the catalog does.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { DEMO_CATEGORIES, DEMO_PRODUCTS, slugify, stableHash, type ProductGlyph } from "../../server/shop/catalog/demo-catalog-data";

const outDir = path.resolve(import.meta.dirname, "../../public/shop/images");

/** Each drawing fits a 100×100 box, stroked with currentColor-like `c`. */
const GLYPHS: Record<ProductGlyph, (c: string) => string> = {
  headphones: (c) =>
    `<path d="M18 62V50a32 32 0 0 1 64 0v12" fill="none" stroke="${c}" stroke-width="7" stroke-linecap="round"/><rect x="10" y="56" width="18" height="30" rx="7" fill="${c}"/><rect x="72" y="56" width="18" height="30" rx="7" fill="${c}"/>`,
  laptop: (c) =>
    `<rect x="18" y="20" width="64" height="44" rx="4" fill="none" stroke="${c}" stroke-width="6"/><path d="M6 74h88l-6 8H12z" fill="${c}"/>`,
  phone: (c) =>
    `<rect x="30" y="8" width="40" height="84" rx="8" fill="none" stroke="${c}" stroke-width="6"/><circle cx="50" cy="82" r="3.5" fill="${c}"/><path d="M42 15h16" stroke="${c}" stroke-width="3" stroke-linecap="round"/>`,
  camera: (c) =>
    `<path d="M10 34h20l7-10h26l7 10h20v46H10z" fill="none" stroke="${c}" stroke-width="6" stroke-linejoin="round"/><circle cx="50" cy="56" r="15" fill="none" stroke="${c}" stroke-width="6"/><circle cx="50" cy="56" r="5" fill="${c}"/>`,
  kettle: (c) =>
    `<path d="M26 40h44l6 46H20z" fill="none" stroke="${c}" stroke-width="6" stroke-linejoin="round"/><path d="M34 40a14 12 0 0 1 28 0" fill="none" stroke="${c}" stroke-width="6"/><path d="M72 50l16-12" stroke="${c}" stroke-width="6" stroke-linecap="round"/>`,
  tent: (c) =>
    `<path d="M50 12L8 86h84z" fill="none" stroke="${c}" stroke-width="6" stroke-linejoin="round"/><path d="M50 44L36 86h28z" fill="${c}"/>`,
  chair: (c) =>
    `<rect x="28" y="10" width="44" height="40" rx="10" fill="none" stroke="${c}" stroke-width="6"/><path d="M22 58h56M50 58v18M30 90l20-14 20 14" fill="none" stroke="${c}" stroke-width="6" stroke-linecap="round"/>`,
  dumbbell: (c) =>
    `<rect x="8" y="30" width="12" height="40" rx="3" fill="${c}"/><rect x="20" y="22" width="12" height="56" rx="3" fill="${c}"/><rect x="68" y="22" width="12" height="56" rx="3" fill="${c}"/><rect x="80" y="30" width="12" height="40" rx="3" fill="${c}"/><path d="M32 50h36" stroke="${c}" stroke-width="8"/>`,
};

function hueOf(slug: string): number {
  return stableHash(slug) % 360;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function svg(body: string, label: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="400" height="400" role="img" aria-label="${escapeXml(label)}">${body}</svg>\n`;
}

function views(slug: string, name: string, brand: string, glyph: ProductGlyph): string[] {
  const hue = hueOf(slug);
  const ink = `hsl(${hue} 45% 22%)`;
  const draw = GLYPHS[glyph];
  const text = (x: number, y: number, size: number, fill: string, content: string, weight = 600) =>
    `<text x="${x}" y="${y}" font-family="system-ui,sans-serif" font-size="${size}" font-weight="${weight}" fill="${fill}">${escapeXml(content)}</text>`;
  const hero =
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue} 70% 92%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360} 60% 80%)"/></linearGradient></defs>` +
    `<rect width="400" height="400" fill="url(#g)"/><g transform="translate(80 80) scale(2.4)">${draw(ink)}</g>` +
    text(24, 44, 22, ink, brand.toUpperCase(), 700);
  const closeUp =
    `<rect width="400" height="400" fill="hsl(${hue} 35% 18%)"/><circle cx="300" cy="90" r="150" fill="hsl(${hue} 45% 28%)"/>` +
    `<g transform="translate(-10 40) scale(4.2)">${draw(`hsl(${hue} 80% 78%)`)}</g>` +
    text(24, 44, 18, `hsl(${hue} 70% 88%)`, "Close-up", 500);
  const inTheBox =
    `<rect width="400" height="400" fill="hsl(${hue} 20% 97%)"/><ellipse cx="200" cy="318" rx="130" ry="18" fill="hsl(${hue} 15% 86%)"/>` +
    `<rect x="90" y="120" width="220" height="190" rx="10" fill="hsl(${hue} 55% 55%)"/><rect x="90" y="120" width="220" height="34" rx="10" fill="hsl(${hue} 55% 45%)"/>` +
    `<g transform="translate(150 170) scale(1)">${draw("#fff")}</g>` +
    text(24, 60, 20, ink, name.length > 30 ? `${name.slice(0, 29)}…` : name) +
    text(24, 86, 15, `hsl(${hue} 20% 40%)`, "What's in the box", 500);
  return [svg(hero, `${name}, front view`), svg(closeUp, `${name}, close-up`), svg(inTheBox, `${name}, in the box`)];
}

async function main() {
  await fs.rm(outDir, { recursive: true, force: true });
  await fs.mkdir(outDir, { recursive: true });
  let bytes = 0;
  for (const product of DEMO_PRODUCTS) {
    const category = DEMO_CATEGORIES.find((candidate) => candidate.slug === product.category);
    if (!category) throw new Error(`unknown category ${product.category} for ${product.name}`);
    const slug = slugify(product.name);
    for (const [index, content] of views(slug, product.name, product.brand, category.glyph).entries()) {
      await fs.writeFile(path.join(outDir, `${slug}-${index + 1}.svg`), content);
      bytes += Buffer.byteLength(content);
    }
  }
  console.log(`Wrote ${DEMO_PRODUCTS.length * 3} images (${Math.round(bytes / 1024)} KB) to ${path.relative(process.cwd(), outDir)}.`);
}

await main();
