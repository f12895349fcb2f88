import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkAlias, isLinkShaped, isReservedWord } from "./alias";

describe("checkAlias", () => {
  it.each([
    ["abc", true],
    ["My-Sale_2026", true],
    ["a".repeat(50), true],
    ["ab", "length"],
    ["a".repeat(51), "length"],
    ["", "length"],
    ["has space", "characters"],
    ["dot.ted", "characters"],
    ["slash/y", "characters"],
    ["ümlaut", "characters"],
    ["emoji😀x", "characters"],
    ["links", "reserved"],
    ["Links", "reserved"],
    ["API", "reserved"],
    ["chat", "reserved"],
    ["feed", "reserved"],
    ["shop", "reserved"],
    ["videos", "reserved"],
    ["rides", "reserved"],
    ["notifications", "reserved"],
    ["settings", "reserved"],
    ["sign-in", "reserved"],
    ["sign-up", "reserved"],
    ["_next", "reserved"],
  ] as const)("%s → %s", (alias, expected) => {
    const result = checkAlias(alias);
    if (expected === true) expect(result).toEqual({ ok: true, alias });
    else expect(result).toMatchObject({ ok: false, problem: expected });
  });

  it("is case-sensitive for everything that is not reserved", () => {
    expect(checkAlias("Sale")).toEqual({ ok: true, alias: "Sale" });
    expect(checkAlias("sale")).toEqual({ ok: true, alias: "sale" });
  });
});

describe("isLinkShaped", () => {
  it.each([
    ["aB3xY9z", true],
    ["my-alias", true],
    ["", false],
    ["ab", false],
    ["favicon.ico", false],
    ["robots.txt", false],
    ["sitemap.xml", false],
    [".well-known", false],
    ["links", false],
    ["api", false],
    ["a/b", false],
    ["%41bc", false],
  ] as const)("%s → %s", (segment, expected) => expect(isLinkShaped(segment)).toBe(expected));
});

describe("reserved words", () => {
  /** Top-level URL segments of the app: folders under app/, route groups "(x)" looked through, dynamic "[x]" skipped. */
  function topLevelSegments(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      if (!entry.isDirectory() || entry.name.startsWith("[") || entry.name.startsWith("_")) return [];
      if (entry.name.startsWith("(")) return topLevelSegments(path.join(dir, entry.name));
      return [entry.name];
    });
  }

  it("cover every top-level route of the app, so no alias can shadow a page", () => {
    const segments = topLevelSegments(path.resolve(import.meta.dirname, "../../../app"));
    expect(segments.length).toBeGreaterThan(5);
    expect(segments.filter((segment) => !isReservedWord(segment))).toEqual([]);
  });
});
