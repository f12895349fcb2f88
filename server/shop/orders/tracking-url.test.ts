import { describe, expect, it } from "vitest";
import { trackingUrlFor } from "./tracking-url";

describe("trackingUrlFor", () => {
  it("puts the tracking number, without spaces and URL-encoded, into the carrier's URL pattern", () => {
    expect(trackingUrlFor("1Z 999 AA1-0123")).toBe("https://parcelsapp.com/en/tracking/1Z999AA1-0123");
    expect(trackingUrlFor(null)).toBeNull();
  });
});
