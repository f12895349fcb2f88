import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { setProductVariants } from "../variants/set-product-variants";
import type { ProductOption } from "../variants/variant-rules";
import { createTestCategory, createTestProduct, shopCaller, uniqueWord } from "./catalog-test-kit";
import { SearchProductsInput } from "./search-options";
import { searchProducts } from "./search-products";

afterAll(async () => {
  redis.disconnect();
  await db.$disconnect();
});

const search = (input: SearchProductsInput) => searchProducts({ db, params: SearchProductsInput.parse(input) });
type Result = Awaited<ReturnType<typeof search>>;
const names = (result: Result) => result.items.map((item) => item.name.split(" ")[0]).sort();
/** An option facet as "value: count" pairs in display order. */
const facet = (result: Result, name: string) => result.facets.options.find((option) => option.name === name)?.values.map((value) => `${value.value}: ${value.count}`);

describe("search's option facets (size, colour)", () => {
  const word = uniqueWord();
  const ids: Record<string, Record<string, string>> = {};
  /** The categories of the products with variants (one each). */
  const clothing: string[] = [];

  /** A product with `variants` (option values → stock) written through the admin's own operation. */
  async function productWithVariants(label: string, options: ProductOption[], variants: Array<[string[], number]>) {
    const category = await createTestCategory("Clothing");
    clothing.push(category.slug);
    const product = await createTestProduct({ categoryId: category.id, name: `${label} ${word}`, onHand: 0 });
    await setProductVariants({
      db,
      redis,
      input: { productId: product.id, options, variants: variants.map(([optionValues, onHand], index) => ({ optionValues, onHand, sku: `${word}-${label}-${index}`.toUpperCase(), priceCents: null })) },
    });
    const rows = await db.productVariant.findMany({ where: { productId: product.id }, select: { id: true, optionValues: true } });
    ids[label] = Object.fromEntries(rows.map((row) => [row.optionValues.join("·"), row.id]));
  }

  beforeAll(async () => {
    // Has an M (in red) and a Black (in L), but no M in black.
    await productWithVariants(
      "Alder",
      [
        { name: "Size", values: ["S", "M", "L"] },
        { name: "Colour", values: ["Black", "Red"] },
      ],
      [
        [["S", "Black"], 0],
        [["M", "Red"], 5],
        [["L", "Black"], 3],
      ],
    );
    // An M in black, sold out.
    await productWithVariants(
      "Birch",
      [
        { name: "Size", values: ["S", "M"] },
        { name: "Colour", values: ["Black"] },
      ],
      [
        [["S", "Black"], 2],
        [["M", "Black"], 0],
      ],
    );
    // The same options spelled in lower case: grouped with the others.
    await productWithVariants(
      "Cedar",
      [
        { name: "size", values: ["m", "XL"] },
        { name: "colour", values: ["black"] },
      ],
      [
        [["m", "black"], 4],
        [["XL", "black"], 1],
      ],
    );
    // No variants at all.
    const category = await createTestCategory("Kitchen");
    await createTestProduct({ categoryId: category.id, name: `Dogwood ${word}`, onHand: 3 });
  });

  it("lists each option once, in its most common spelling, with product counts in the products' own order", async () => {
    const result = await search({ q: word });
    expect(result.total).toBe(4);
    expect(result.facets.options.map((option) => option.name)).toEqual(["Size", "Colour"]);
    expect(facet(result, "Size")).toEqual(["S: 2", "M: 3", "L: 1", "XL: 1"]);
    expect(facet(result, "Colour")).toEqual(["Black: 3", "Red: 1"]);
    expect(result.items.every((item) => item.variantId === null)).toBe(true);
  });

  it("filters by any of one option's values, whatever their case, leaving products without variants out", async () => {
    const result = await search({ q: word, options: [{ name: "SIZE", values: ["m", "XL"] }] });
    expect(names(result)).toEqual(["Alder", "Birch", "Cedar"]);
    // The option's own counts ignore its ticks (disjunctive); the ticked values are marked.
    expect(facet(result, "Size")).toEqual(["S: 2", "M: 3", "L: 1", "XL: 1"]);
    expect(result.facets.options[0]?.values.filter((value) => value.selected).map((value) => value.value)).toEqual(["M", "XL"]);
    // Colour counts apply the size on the same variant: Alder's M is red.
    expect(facet(result, "Colour")).toEqual(["Black: 2", "Red: 1"]);
  });

  it("needs ONE variant with every ticked option: an M in red and an L in black do not make an M in black", async () => {
    const result = await search({ q: word, options: [{ name: "Size", values: ["M"] }, { name: "Colour", values: ["Black"] }] });
    expect(names(result)).toEqual(["Birch", "Cedar"]);
    expect(result.total).toBe(2);
    // Size counts given black: Alder counts for S and L (its black variants), not for M.
    expect(facet(result, "Size")).toEqual(["S: 2", "M: 2", "L: 1", "XL: 1"]);
    expect(facet(result, "Colour")).toEqual(["Black: 2", "Red: 1"]);
    // "In stock only" would keep the one M in black that has stock.
    expect(result.facets.inStock.count).toBe(1);
    // Each result links to its matching variant.
    expect(Object.fromEntries(result.items.map((item) => [item.name.split(" ")[0], item.variantId]))).toEqual({ Birch: ids.Birch?.["M·Black"], Cedar: ids.Cedar?.["m·black"] });
  });

  it("filters and counts the same when their categories are browsed without words", async () => {
    const ticks = [[{ name: "Size", values: ["M"] }], [{ name: "Size", values: ["M"] }, { name: "Colour", values: ["Black"] }]];
    for (const options of ticks) {
      for (const inStock of [false, true]) {
        const words = await search({ q: word, options, inStock });
        const browsed = await search({ q: "", category: clothing, options, inStock });
        expect(names(browsed)).toEqual(names(words));
        expect(browsed.items.map((item) => item.variantId).sort()).toEqual(words.items.map((item) => item.variantId).sort());
        expect(browsed.facets.options).toEqual(words.facets.options);
        expect(browsed.facets.inStock).toEqual(words.facets.inStock);
      }
    }
  });

  it("with 'In stock only', the matching variant itself must be in stock, and counts follow", async () => {
    const both = await search({ q: word, inStock: true, options: [{ name: "Size", values: ["M"] }, { name: "Colour", values: ["Black"] }] });
    expect(names(both)).toEqual(["Cedar"]);
    expect(both.facets.inStock).toEqual({ count: 1, selected: true });

    const sizeM = await search({ q: word, inStock: true, options: [{ name: "Size", values: ["M"] }] });
    expect(names(sizeM)).toEqual(["Alder", "Cedar"]);
    expect(sizeM.items.find((item) => item.name.startsWith("Alder"))?.variantId).toBe(ids.Alder?.["M·Red"]);

    // No option ticked: sizes count only products with that size in stock (Alder's S and Birch's M are sold out).
    const inStock = await search({ q: word, inStock: true });
    expect(names(inStock)).toEqual(["Alder", "Birch", "Cedar", "Dogwood"]);
    expect(facet(inStock, "Size")).toEqual(["S: 1", "M: 2", "L: 1", "XL: 1"]);
  });

  it("counts units held by unpaid orders as gone", async () => {
    const cedarM = ids.Cedar?.["m·black"] ?? "";
    await db.productVariant.update({ where: { id: cedarM }, data: { reserved: 4 } });
    try {
      const result = await search({ q: word, inStock: true, options: [{ name: "Size", values: ["M"] }] });
      expect(names(result)).toEqual(["Alder"]);
    } finally {
      await db.productVariant.update({ where: { id: cedarM }, data: { reserved: 0 } });
    }
  });

  it("keeps a ticked value that matches nothing on screen at 0, so it can be unticked", async () => {
    const result = await search({ q: word, options: [{ name: "Size", values: ["XXL"] }] });
    expect(result.total).toBe(0);
    expect(result.facets.options.find((option) => option.name === "Size")?.values).toContainEqual({ value: "XXL", label: "XXL", count: 0, selected: true });
  });

  it("follows the admin's edits: a renamed option is found under its new name only", async () => {
    const product = await db.product.findFirstOrThrow({ where: { name: `Cedar ${word}` } });
    const colour = { name: "colour", values: ["black"] };
    const sizes = { name: "size", values: ["m", "XL"] };
    const variants = [
      { optionValues: ["m", "black"], onHand: 4, sku: `${word}-CEDAR-0`.toUpperCase(), priceCents: null },
      { optionValues: ["XL", "black"], onHand: 1, sku: `${word}-CEDAR-1`.toUpperCase(), priceCents: null },
    ];
    await setProductVariants({ db, redis, input: { productId: product.id, options: [{ ...sizes, name: "Fit" }, colour], variants } });
    try {
      expect(names(await search({ q: word, options: [{ name: "Fit", values: ["M"] }] }))).toEqual(["Cedar"]);
      expect(names(await search({ q: word, options: [{ name: "Size", values: ["M"] }] }))).toEqual(["Alder", "Birch"]);
    } finally {
      await setProductVariants({ db, redis, input: { productId: product.id, options: [sizes, colour], variants } });
    }
  });

  it("refuses option filters beyond the limits with a clear message", async () => {
    const shop = shopCaller();
    const tooMany = ["Size", "Colour", "Fit", "Length"].map((name) => ({ name, values: ["M"] }));
    await expect(shop.catalog.search({ q: word, options: tooMany })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("at most 3 options") });
    const values = Array.from({ length: 21 }, (_, index) => `V${index}`);
    await expect(shop.catalog.search({ q: word, options: [{ name: "Size", values }] })).rejects.toMatchObject({ message: expect.stringContaining("at most 20 values") });
    await expect(shop.catalog.search({ q: word, options: [{ name: "Size", values: [" "] }] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(shop.catalog.search({ q: word, options: [{ name: "x".repeat(41), values: ["M"] }] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const twice = [
      { name: "Size", values: ["M"] },
      { name: "size", values: ["L"] },
    ];
    await expect(shop.catalog.search({ q: word, options: twice })).rejects.toMatchObject({ message: expect.stringContaining("Name each option once") });
  });
});
