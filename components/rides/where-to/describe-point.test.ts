import { describe, expect, it } from "vitest";
import { describePoint } from "./describe-point";

describe("describePoint", () => {
  it("names the place a point is at, or near, or gives its coordinates", () => {
    expect(describePoint({ lat: 37.7955, lng: -122.3937 })).toBe("Ferry Building");
    // ~150 m south of City Hall.
    expect(describePoint({ lat: 37.7780, lng: -122.4193 })).toBe("Near City Hall");
    expect(describePoint({ lat: 37.7, lng: -122.3 })).toBe("37.70000, -122.30000");
  });
});
