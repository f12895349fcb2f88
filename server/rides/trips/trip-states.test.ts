import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { assertMove } from "./illegal-move";
import { canMove, statusesBefore, TRIP_STATUSES, TRIP_TRANSITIONS, type TripStatus } from "./trip-states";

/** The whole table, written out: a change to the state machine must change this test too. */
const LEGAL: Array<[TripStatus, TripStatus]> = [
  ["requested", "matching"],
  ["requested", "cancelled"],
  ["matching", "assigned"],
  ["matching", "no_drivers"],
  ["matching", "cancelled"],
  ["assigned", "arriving"],
  ["assigned", "in_progress"],
  ["assigned", "cancelled"],
  ["arriving", "in_progress"],
  ["arriving", "cancelled"],
  ["in_progress", "completed"],
  ["no_drivers", "matching"],
  ["no_drivers", "cancelled"],
];

describe("trip state machine", () => {
  it("allows exactly the listed moves and refuses every other pair with CONFLICT", () => {
    for (const from of TRIP_STATUSES) {
      for (const to of TRIP_STATUSES) {
        const legal = LEGAL.some(([a, b]) => a === from && b === to);
        expect(canMove(from, to), `${from} → ${to}`).toBe(legal);
        if (legal) expect(() => assertMove(from, to)).not.toThrow();
        else {
          const error = (() => {
            try {
              assertMove(from, to);
            } catch (thrown) {
              return thrown;
            }
            return null;
          })();
          expect(error).toBeInstanceOf(AppError);
          expect(error).toMatchObject({ code: "CONFLICT", httpStatus: 409, details: { status: from } });
        }
      }
    }
  });

  it("never leaves a finished trip and never cancels a started one", () => {
    expect(TRIP_TRANSITIONS.completed).toEqual([]);
    expect(TRIP_TRANSITIONS.cancelled).toEqual([]);
    expect(canMove("in_progress", "cancelled")).toBe(false);
    expect(canMove("completed", "in_progress")).toBe(false);
  });

  it("names the statuses a conditional update may start from", () => {
    expect(statusesBefore("in_progress").sort()).toEqual(["arriving", "assigned"]);
    expect(statusesBefore("cancelled").sort()).toEqual(["arriving", "assigned", "matching", "no_drivers", "requested"]);
    expect(statusesBefore("matching").sort()).toEqual(["no_drivers", "requested"]);
  });
});
