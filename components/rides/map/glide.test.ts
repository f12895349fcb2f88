import { describe, expect, it } from "vitest";
import { glide, glideDuration, nextPose } from "./glide";

const A = { lat: 37.77, lng: -122.42, heading: 350 };
const B = { lat: 37.78, lng: -122.41, heading: 10 };

describe("the moving car", () => {
  it("slides between two updates and turns the short way round", () => {
    expect(glide(A, B, 0)).toEqual(A);
    expect(glide(A, B, 1)).toMatchObject({ lat: B.lat, lng: B.lng });
    expect(glide(A, B, 1).heading).toBeCloseTo(10, 9);
    const halfway = glide(A, B, 0.5);
    expect(halfway.lat).toBeCloseTo(37.775, 9);
    expect(halfway.lng).toBeCloseTo(-122.415, 9);
    // Through north (0°), not back round through south.
    expect(halfway.heading).toBeCloseTo(0, 9);
    expect(glide(A, B, 1.5)).toEqual(glide(A, B, 1));
  });

  it("faces where it went unless the update says its heading, and keeps it when standing still", () => {
    expect(nextPose(A, { lat: 37.78, lng: -122.42 }).heading).toBeCloseTo(0, 3);
    expect(nextPose(A, { lat: 37.77, lng: -122.41 }).heading).toBeCloseTo(90, 0);
    expect(nextPose(A, { lat: 37.78, lng: -122.42, heading: 123 }).heading).toBe(123);
    expect(nextPose(A, { lat: A.lat + 0.00001, lng: A.lng }).heading).toBe(350);
  });

  it("glides for as long as updates are apart, within bounds", () => {
    expect(glideDuration(undefined)).toBe(0);
    expect(glideDuration(2_000)).toBe(2_000);
    expect(glideDuration(10)).toBe(250);
    expect(glideDuration(60_000)).toBe(3_000);
  });
});
