import { describe, expect, it } from "vitest";
import { BULK_MAX_ROWS, parseBulkRows, resultsCsv } from "./bulk-rows";

describe("parseBulkRows", () => {
  it("reads one URL per line, skipping blank lines", () => {
    expect(parseBulkRows("https://a.example\n\n  https://b.example  \n")).toEqual({ rows: [{ url: "https://a.example" }, { url: "https://b.example" }], problem: null });
  });

  it("reads a CSV with a header in any order and common names, quotes included", () => {
    const text = 'Title,URL,Alias,Tags,Expires\n"Launch, day one",https://a.example,launch,news;promo,2099-01-01\n,https://b.example,,,';
    expect(parseBulkRows(text).rows).toEqual([
      { url: "https://a.example", title: "Launch, day one", customAlias: "launch", tags: "news;promo", expiresAt: "2099-01-01" },
      { url: "https://b.example" },
    ]);
  });

  it("names the problem with empty text and with too many rows", () => {
    expect(parseBulkRows("  \n ").problem).toBe("Paste some URLs or choose a CSV file first.");
    expect(parseBulkRows(Array.from({ length: BULK_MAX_ROWS + 1 }, (_, index) => `https://example.com/${index}`).join("\n")).problem).toBe(
      "A bulk import holds at most 1,000 links; this one has 1,001.",
    );
  });
});

describe("resultsCsv", () => {
  it("writes each row's short URL or error", () => {
    expect(
      resultsCsv([
        { row: { url: "https://a.example", customAlias: "a" }, shortUrl: "http://localhost:3000/a", error: null },
        { row: { url: "nope" }, shortUrl: null, error: "Enter a full URL, e.g. https://example.com" },
      ]),
    ).toBe('url,alias,short_url,status,error\r\nhttps://a.example,a,http://localhost:3000/a,created,\r\nnope,,,failed,"Enter a full URL, e.g. https://example.com"');
  });
});
