import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { createTestCategory, createTestProduct, shopCaller, uniqueWord } from "./catalog-test-kit";
import { SearchProductsInput } from "./search-options";
import { searchProducts } from "./search-products";

afterAll(async () => {
  redis.disconnect();
  await db.$disconnect();
});

const search = (input: SearchProductsInput) => searchProducts({ db, params: SearchProductsInput.parse(input) });
const names = (result: Awaited<ReturnType<typeof search>>) => result.items.map((item) => item.name);
const counts = (options: { value: string; count: number }[]) => Object.fromEntries(options.map((option) => [option.value, option.count]));

describe("searchProducts", () => {
  // Every product carries `word`, so a query for it sees exactly these rows whatever else the database holds.
  const word = uniqueWord();
  let audio: { id: string; slug: string };
  let kitchen: { id: string; slug: string };

  beforeAll(async () => {
    audio = await createTestCategory("Audio");
    kitchen = await createTestCategory("Kitchen");
    const day = 86_400_000;
    const base = Date.now() - 30 * day;
    await createTestProduct({ categoryId: audio.id, name: `Studio Headphones ${word}`, brand: "Alpha", priceCents: 9_900, onHand: 5, ratingAvg: 4.5, createdAt: new Date(base + 1 * day) });
    await createTestProduct({
      categoryId: audio.id,
      name: `Travel Speaker ${word}`,
      description: `Pairs with any headphones you own. ${word}`,
      brand: "Alpha",
      priceCents: 4_900,
      onHand: 0,
      ratingAvg: 3,
      createdAt: new Date(base + 2 * day),
    });
    await createTestProduct({ categoryId: kitchen.id, name: `Espresso Grinder ${word}`, brand: "Beta", priceCents: 19_900, onHand: 2, createdAt: new Date(base + 3 * day) });
    await createTestProduct({ categoryId: kitchen.id, name: `Milk Frother ${word}`, brand: "Beta", priceCents: 1_900, onHand: 10, ratingAvg: 4, createdAt: new Date(base + 4 * day) });
    // Two on hand, both reserved by unpaid orders: not in stock.
    await createTestProduct({ categoryId: audio.id, name: `Headphone Stand ${word}`, brand: "Gamma", priceCents: 2_900, onHand: 2, reserved: 2, ratingAvg: 2, createdAt: new Date(base + 5 * day) });
    await createTestProduct({ categoryId: audio.id, name: `Hidden Headphones ${word}`, brand: "Alpha", active: false });
  });

  it("finds names despite a typo (trigram similarity), within a category", async () => {
    const result = await search({ q: "hedphones", category: [audio.slug] });
    expect(names(result)).toContain(`Studio Headphones ${word}`);
    expect(names(result)).not.toContain(`Hidden Headphones ${word}`);
    expect(result.items.every((item) => item.category.slug === audio.slug)).toBe(true);
  });

  it("ranks a name match above a description-only match", async () => {
    const result = await search({ q: `headphones ${word}` });
    const order = names(result);
    expect(order).toContain(`Travel Speaker ${word}`);
    expect(order.indexOf(`Studio Headphones ${word}`)).toBeLessThan(order.indexOf(`Travel Speaker ${word}`));
    expect(order.indexOf(`Headphone Stand ${word}`)).toBeLessThan(order.indexOf(`Travel Speaker ${word}`));
  });

  it("counts every facet over the matches, leaving hidden products out", async () => {
    const result = await search({ q: word });
    expect(result.total).toBe(5);
    expect(counts(result.facets.categories)).toEqual({ [audio.slug]: 3, [kitchen.slug]: 2 });
    expect(counts(result.facets.brands)).toEqual({ Alpha: 2, Beta: 2, Gamma: 1 });
    expect(counts(result.facets.prices)).toEqual({ "0-25": 1, "25-50": 2, "50-100": 1, "100-250": 1, "250-500": 0, "500-up": 0 });
    expect(counts(result.facets.ratings)).toEqual({ "4": 2, "3": 3, "2": 4, "1": 4 });
    expect(result.facets.inStock).toEqual({ count: 3, selected: false });
  });

  it("keeps facets disjunctive: a facet's own selection does not narrow its counts", async () => {
    const result = await search({ q: word, brand: ["Alpha"] });
    expect(names(result).sort()).toEqual([`Studio Headphones ${word}`, `Travel Speaker ${word}`]);
    expect(counts(result.facets.brands)).toEqual({ Alpha: 2, Beta: 2, Gamma: 1 });
    expect(result.facets.brands.find((brand) => brand.value === "Alpha")?.selected).toBe(true);
    // The other facets apply the brand filter.
    expect(counts(result.facets.categories)).toEqual({ [audio.slug]: 2 });
    expect(counts(result.facets.prices)).toMatchObject({ "25-50": 1, "50-100": 1, "0-25": 0, "100-250": 0 });
    expect(result.facets.inStock.count).toBe(1);

    // A ticked category: the categories' counts apply every other filter but not the category's own,
    expect(counts((await search({ q: word, category: [audio.slug] })).facets.categories)).toEqual({ [audio.slug]: 3, [kitchen.slug]: 2 });
    // and the other facets count inside it.
    const audioAlpha = await search({ q: word, category: [audio.slug], brand: ["Alpha"] });
    expect(names(audioAlpha).sort()).toEqual([`Studio Headphones ${word}`, `Travel Speaker ${word}`]);
    expect(counts(audioAlpha.facets.categories)).toEqual({ [audio.slug]: 2 });
    expect(counts(audioAlpha.facets.brands)).toEqual({ Alpha: 2, Gamma: 1 });
    expect(counts(audioAlpha.facets.prices)).toMatchObject({ "0-25": 0, "25-50": 1, "50-100": 1, "100-250": 0 });
    expect(counts(audioAlpha.facets.ratings)).toEqual({ "4": 1, "3": 2, "2": 2, "1": 2 });
    expect(audioAlpha.facets.inStock.count).toBe(1);
    // Browsing the category without words counts the same (the catalog's other categories aside).
    const browsed = await search({ q: "", category: [audio.slug], brand: ["Alpha"] });
    expect(names(browsed).sort()).toEqual(names(audioAlpha).sort());
    expect(browsed.facets.categories.find((category) => category.value === audio.slug)?.count).toBe(2);
    expect({ ...browsed.facets, categories: [] }).toEqual({ ...audioAlpha.facets, categories: [] });

    const twoBrands = await search({ q: word, brand: ["Alpha", "Gamma"], inStock: true });
    expect(names(twoBrands)).toEqual([`Studio Headphones ${word}`]);
    // In-stock counts ignore the in-stock filter itself but apply the brands.
    expect(twoBrands.facets.inStock).toEqual({ count: 1, selected: true });
    expect(counts(twoBrands.facets.brands)).toEqual({ Alpha: 1, Beta: 2, Gamma: 0 });
  });

  it("combines filters: category, price ranges, rating and stock", async () => {
    const combined = await search({ q: word, category: [audio.slug], price: ["25-50", "50-100"], inStock: true });
    expect(names(combined)).toEqual([`Studio Headphones ${word}`]);
    const rated = await search({ q: word, rating: 4, sort: "price-asc" });
    expect(names(rated)).toEqual([`Milk Frother ${word}`, `Studio Headphones ${word}`]);
    expect(counts(rated.facets.ratings)).toEqual({ "4": 2, "3": 3, "2": 4, "1": 4 });
    expect(rated.facets.ratings.find((rating) => rating.value === "4")?.selected).toBe(true);
  });

  it("sorts by price, rating and newest", async () => {
    const prices = (result: Awaited<ReturnType<typeof search>>) => result.items.map((item) => item.priceCents);
    expect(prices(await search({ q: word, sort: "price-asc" }))).toEqual([1_900, 2_900, 4_900, 9_900, 19_900]);
    expect(prices(await search({ q: word, sort: "price-desc" }))).toEqual([19_900, 9_900, 4_900, 2_900, 1_900]);
    expect(names(await search({ q: word, sort: "rating" }))).toEqual([
      `Studio Headphones ${word}`,
      `Milk Frother ${word}`,
      `Travel Speaker ${word}`,
      `Headphone Stand ${word}`,
      `Espresso Grinder ${word}`,
    ]);
    expect(names(await search({ q: word, sort: "newest" }))[0]).toBe(`Headphone Stand ${word}`);
  });

  it("reports live availability: reserved units are not available", async () => {
    const result = await search({ q: word, sort: "price-asc" });
    expect(result.items.map((item) => item.available)).toEqual([10, 0, 0, 5, 2]);
  });

  it("pages 24 at a time without repeats, and browses a category with an empty query", async () => {
    const pageWord = uniqueWord();
    const category = await createTestCategory("Paged");
    for (let index = 0; index < 30; index++) {
      await createTestProduct({ categoryId: category.id, name: `Paged Lamp ${index} ${pageWord}`, priceCents: 1_000 + index });
    }
    const first = await search({ q: pageWord, sort: "price-asc" });
    const second = await search({ q: pageWord, sort: "price-asc", page: 2 });
    expect(first).toMatchObject({ total: 30, page: 1, pageSize: 24, pageCount: 2 });
    expect(first.items).toHaveLength(24);
    expect(second.items).toHaveLength(6);
    expect(new Set([...first.items, ...second.items].map((item) => item.id)).size).toBe(30);
    expect(second.items.at(-1)?.priceCents).toBe(1_029);

    const browse = await search({ q: "", category: [category.slug] });
    expect(browse.total).toBe(30);
    expect(browse.items).toHaveLength(24);
  });

  it("adds typo matches only when the words as typed find less than a page", async () => {
    const lampWord = uniqueWord();
    const category = await createTestCategory("Lamps");
    for (let index = 0; index < 24; index++) {
      await createTestProduct({ categoryId: category.id, name: `Desk Lamp ${lampWord}` });
    }
    await createTestProduct({ categoryId: category.id, name: `Desk Lamb ${lampWord}` });
    // 24 products match every word: the near miss "Lamb" stays out.
    expect((await search({ q: `desk lamp ${lampWord}` })).total).toBe(24);
    // One product matches every word: the near misses come in, ranked after it.
    const typo = await search({ q: `desk lamb ${lampWord}` });
    expect(typo.total).toBe(25);
    expect(typo.items[0]?.name).toBe(`Desk Lamb ${lampWord}`);
    // Some products matched the words as typed, so the query is not "corrected".
    expect(typo.correctedQuery).toBeNull();
  });

  it("says what a typo was read as, and searches the words exactly as typed on request", async () => {
    const typo = await search({ q: `Studio Hedphones ${word}` });
    expect(names(typo)).toContain(`Studio Headphones ${word}`);
    expect(typo.correctedQuery).toBe(`studio headphones ${word}`);

    const exact = await search({ q: `Studio Hedphones ${word}`, exact: true });
    expect(exact).toMatchObject({ total: 0, items: [], correctedQuery: null });
    // Words that match as typed are never corrected.
    expect((await search({ q: `studio headphones ${word}` })).correctedQuery).toBeNull();
  });

  it("returns nothing (and zero counts) for a query that matches nothing", async () => {
    const result = await search({ q: uniqueWord() });
    expect(result).toMatchObject({ total: 0, items: [], pageCount: 0 });
    expect(result.facets.categories).toEqual([]);
    expect(result.facets.inStock.count).toBe(0);
  });

  it("validates input through tRPC: query length, page range, unknown sort", async () => {
    const shop = shopCaller();
    await expect(shop.catalog.search({ q: "x".repeat(201) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(shop.catalog.search({ q: "lamp", page: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(shop.catalog.search({ q: "lamp", page: 101 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(shop.catalog.search({ q: "lamp", sort: "cheapest" as never })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // Search syntax people type by accident is not an error.
    await expect(shop.catalog.search({ q: `"unclosed -quote or ${word}` })).resolves.toMatchObject({ page: 1 });
  });
});
