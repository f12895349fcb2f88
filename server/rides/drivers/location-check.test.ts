import { describe, expect, it } from "vitest";
import { checkLocation } from "./location-check";

const start = { lat: 52.52, lng: 13.405, at: 1_000_000 };

describe("location plausibility", () => {
  it("accepts a first fix and a normal move, flagging a coarse one", () => {
    expect(checkLocation({ ...start, accuracy: 10 }, null)).toEqual({ ok: true, flagged: false });
    // ~28 m in 2 s (50 km/h)
    expect(checkLocation({ lat: 52.52025, lng: 13.405, at: start.at + 2_000, accuracy: 50 }, start)).toEqual({ ok: true, flagged: false });
    expect(checkLocation({ lat: 52.52025, lng: 13.405, at: start.at + 2_000, accuracy: 51 }, start)).toEqual({ ok: true, flagged: true });
  });

  it("refuses a 50 km jump in 2 s", () => {
    // 0.45° of latitude is ~50 km
    const verdict = checkLocation({ lat: start.lat + 0.45, lng: start.lng, at: start.at + 2_000, accuracy: 5 }, start);
    expect(verdict).toMatchObject({ ok: false, reason: expect.stringMatching(/^That position is 50\.0 km from the last one 2\.0 s ago/) });
  });

  it("accepts the same 50 km after an hour, and GPS jitter with no time between fixes", () => {
    expect(checkLocation({ lat: start.lat + 0.45, lng: start.lng, at: start.at + 3_600_000, accuracy: 5 }, start)).toEqual({ ok: true, flagged: false });
    expect(checkLocation({ lat: start.lat + 0.0005, lng: start.lng, at: start.at, accuracy: 5 }, start)).toEqual({ ok: true, flagged: false });
  });

  it("refuses coordinates out of range or not numbers", () => {
    expect(checkLocation({ lat: 91, lng: 0, at: 0, accuracy: 5 }, null)).toMatchObject({ ok: false });
    expect(checkLocation({ lat: 0, lng: -180.5, at: 0, accuracy: 5 }, null)).toMatchObject({ ok: false });
    expect(checkLocation({ lat: Number.NaN, lng: 0, at: 0, accuracy: 5 }, null)).toMatchObject({ ok: false });
  });
});
