import { describe, expect, it } from "vitest";
import { SearchProductsInput } from "@/server/shop/catalog/search-options";
import { parseSearchUrl, searchHref, toggleOptionValue } from "./search-url";

const parse = (query: string) => parseSearchUrl(new URLSearchParams(query));

describe("option filters in the search URL", () => {
  it("reads opt=Name:Value pairs, grouped by option whatever their case; a value may hold a colon", () => {
    expect(parse("q=jacket&opt=Size:M&opt=size:L&opt=Colour:Black&opt=SIZE:m&opt=Ratio:16:9").options).toEqual([
      { name: "Size", values: ["M", "L"] },
      { name: "Colour", values: ["Black"] },
      { name: "Ratio", values: ["16:9"] },
    ]);
  });

  it("filters by any option name: a colon or backslash in the name is escaped in the URL, and comes back as it was", () => {
    const search = { ...parse("q=boots"), options: [{ name: "Size: EU", values: ["42", "43:wide"] }, { name: "A\\B", values: ["1"] }] };
    const href = searchHref(search);
    expect(new URLSearchParams(href.split("?")[1]).getAll("opt")).toEqual(["Size\\: EU:42", "Size\\: EU:43:wide", "A\\\\B:1"]);
    expect(parse(href.split("?")[1] ?? "")).toEqual(search);
    // A backslash before anything else stays as typed, so names written before the escaping still read the same.
    expect(parse("opt=C\\D:1").options).toEqual([{ name: "C\\D", values: ["1"] }]);
    expect(parse("opt=Size\\:M").options).toEqual([]);
  });

  it("drops what the search would refuse: no colon, empty parts, over-long text, a fourth option, a 21st value", () => {
    expect(parse(`opt=Size&opt=:M&opt=Size:&opt=Size:${"x".repeat(41)}`).options).toEqual([]);
    expect(parse("opt=A:1&opt=B:1&opt=C:1&opt=D:1").options.map((option) => option.name)).toEqual(["A", "B", "C"]);
    const values = Array.from({ length: 25 }, (_, index) => `opt=Size:${index}`).join("&");
    expect(parse(values).options[0]?.values).toHaveLength(20);
    // Whatever the URL holds, what it parses to passes the server's validation.
    expect(SearchProductsInput.safeParse(parse(`opt=A:1&opt=B:1&opt=C:1&opt=D:1&${values}`)).success).toBe(true);
  });

  it("writes them back as the same URL", () => {
    const search = parse("q=jacket&inStock=1&opt=Size:M&opt=Size:L&opt=Colour:Black");
    expect(searchHref(search)).toBe("/shop/search?q=jacket&inStock=1&opt=Size%3AM&opt=Size%3AL&opt=Colour%3ABlack");
    expect(parse(searchHref(search).split("?")[1] ?? "")).toEqual(search);
  });

  it("ticks and unticks one value; an option left without values goes", () => {
    const ticked = toggleOptionValue([], "Size", "M");
    expect(ticked).toEqual([{ name: "Size", values: ["M"] }]);
    const two = toggleOptionValue(toggleOptionValue(ticked, "size", "L"), "Colour", "Black");
    expect(two).toEqual([
      { name: "Size", values: ["M", "L"] },
      { name: "Colour", values: ["Black"] },
    ]);
    expect(toggleOptionValue(two, "SIZE", "m")).toEqual([
      { name: "Size", values: ["L"] },
      { name: "Colour", values: ["Black"] },
    ]);
    expect(toggleOptionValue(two, "Colour", "Black")).toEqual([{ name: "Size", values: ["M", "L"] }]);
  });
});
