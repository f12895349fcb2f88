import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./safe-return-path";

describe("safeReturnPath", () => {
  it.each([
    ["/", "/"],
    ["/chat", "/chat"],
    ["/links/abc?tab=stats#chart", "/links/abc?tab=stats#chart"],
    ["/shop/search?q=red%20shoes", "/shop/search?q=red%20shoes"],
    ["/a/../chat", "/chat"],
    // An encoded tab stays an encoded path segment on our own host.
    ["/%09/evil.example/x", "/%09/evil.example/x"],
  ])("keeps the same-origin path %j", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });

  // searchParams arrive decoded: "?next=/%09/evil.example/x" is "/\t/evil.example/x" here.
  it.each([
    "/\t/evil.example/x",
    "/\r/evil.example/x",
    "/\n/evil.example/x",
    "/\u0000/evil.example",
    "/\u000b/evil.example",
    "/\u000c/evil.example",
    "/\u007f/evil.example",
    "/\u0085/evil.example",
    "\t//evil.example",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "/.//evil.example",
    "/..//evil.example/x",
    "/./../..//evil.example",
    "https://evil.example/",
    "https:/evil.example",
    "javascript:alert(1)",
    "evil.example",
    " /chat",
    "",
  ])("refuses %j", (input) => {
    expect(safeReturnPath(input)).toBe("/");
  });

  it("takes the first of repeated parameters, and nothing from none", () => {
    expect(safeReturnPath(["/chat", "//evil.example"])).toBe("/chat");
    expect(safeReturnPath(["//evil.example", "/chat"])).toBe("/");
    expect(safeReturnPath(undefined)).toBe("/");
  });

  it("never returns anything a browser would resolve to another origin", () => {
    const base = "https://app.casebook.dev";
    for (const input of ["/\t/evil.example", "/.//evil.example", "/%2F%2Fevil.example", "/@evil.example", "/:@evil.example"]) {
      expect(new URL(safeReturnPath(input), base).origin).toBe(base);
    }
  });
});
