import { afterAll, describe, expect, it } from "vitest";
import { db, type Db } from "@/server/platform/db";
import { CODE_ALPHABET, CODE_LENGTH, CodeAllocator, createCodePermutation } from "./short-code";

afterAll(() => db.$disconnect());

describe("createCodePermutation", () => {
  const permute = createCodePermutation("test-secret-for-the-code-permutation");

  it("gives 1,000,000 consecutive counters 1,000,000 distinct 7-character base62 codes", () => {
    const seen = new Set<string>();
    const shape = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);
    for (let counter = 0; counter < 1_000_000; counter++) {
      const code = permute(counter);
      if (!shape.test(code)) throw new Error(`bad code ${code} for counter ${counter}`);
      seen.add(code);
    }
    expect(seen.size).toBe(1_000_000);
    expect(CODE_ALPHABET).toHaveLength(62);
    expect(new Set(CODE_ALPHABET).size).toBe(62);
  });

  it("is deterministic per key and differs between keys", () => {
    expect(permute(42)).toBe(permute(42));
    expect(createCodePermutation("another-secret-another-secret")(42)).not.toBe(permute(42));
  });

  it("does not reveal the order of creation", () => {
    const codes = Array.from({ length: 1_000 }, (_, counter) => permute(counter));
    const increasing = codes.filter((code, index) => index > 0 && code > (codes[index - 1] ?? "")).length;
    // A sequential scheme would be ~999 increasing steps; a shuffle about half.
    expect(increasing).toBeGreaterThan(400);
    expect(increasing).toBeLessThan(600);
    // Neighbours share few positions (a counter would share 6 of 7).
    const shared = codes.slice(1).map((code, index) => [...code].filter((char, at) => codes[index]?.[at] === char).length);
    expect(shared.reduce((sum, count) => sum + count, 0) / shared.length).toBeLessThan(1);
    // Every first character is used.
    expect(new Set(Array.from({ length: 20_000 }, (_, counter) => permute(counter)[0])).size).toBe(62);
  });

  it("covers the ends of the counter range and refuses counters outside it", () => {
    expect(permute(0)).toHaveLength(7);
    expect(permute(62 ** 7 - 1)).toHaveLength(7);
    expect(() => permute(62 ** 7)).toThrow(RangeError);
    expect(() => permute(-1)).toThrow(RangeError);
  });
});

describe("CodeAllocator (real Postgres)", () => {
  it("hands out distinct codes from non-overlapping blocks, across allocators and concurrent callers", async () => {
    const permute = createCodePermutation("allocator-test-secret-0123456789");
    let reserved = 0;
    const countingDb = {
      linkCodeBlock: {
        create: (args: Parameters<Db["linkCodeBlock"]["create"]>[0]) => {
          reserved += 1;
          return db.linkCodeBlock.create(args);
        },
      },
    } as unknown as Db;
    const first = new CodeAllocator(countingDb, permute);
    const second = new CodeAllocator(countingDb, permute);
    const codes = await Promise.all([
      ...Array.from({ length: 1_500 }, () => first.nextCode()),
      ...Array.from({ length: 1_500 }, () => second.nextCode()),
    ]);
    expect(new Set(codes).size).toBe(3_000);
    // 1,500 codes each need two blocks; single-flight keeps it at two, not 1,500.
    expect(reserved).toBe(4);
  });
});
