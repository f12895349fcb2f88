import { describe, expect, it } from "vitest";
import { readableUrl } from "./link-view";

describe("readableUrl", () => {
  it("shows international hosts and paths in Unicode", () => {
    expect(readableUrl("https://xn--bcher-kva.example/stra%C3%9Fe?q=%C3%BC")).toBe("https://bücher.example/straße?q=ü");
    expect(readableUrl("https://example.com/a%20b")).toBe("https://example.com/a b");
  });

  it("leaves what it cannot decode as it is", () => {
    expect(readableUrl("https://example.com/%E0%A4%A")).toBe("https://example.com/%E0%A4%A");
    expect(readableUrl("not a url")).toBe("not a url");
  });
});
