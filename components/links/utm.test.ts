import { describe, expect, it } from "vitest";
import { withUtm } from "./utm";

describe("withUtm", () => {
  it("adds the filled-in parameters and keeps the rest of the URL", () => {
    expect(withUtm("https://example.com/shoes?color=red#top", { utm_source: "newsletter", utm_medium: " email ", utm_term: "" })).toBe(
      "https://example.com/shoes?color=red&utm_source=newsletter&utm_medium=email#top",
    );
  });

  it("replaces a parameter the URL already has, and encodes values", () => {
    expect(withUtm("https://example.com/?utm_campaign=old", { utm_campaign: "spring sale & more" })).toBe("https://example.com/?utm_campaign=spring+sale+%26+more");
  });

  it("leaves the URL alone when nothing is filled in or it is not a URL yet", () => {
    expect(withUtm("https://example.com/a?b=1", {})).toBe("https://example.com/a?b=1");
    expect(withUtm("example.com/a", { utm_source: "x" })).toBe("example.com/a");
  });
});
