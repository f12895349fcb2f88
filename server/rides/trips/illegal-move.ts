import { AppError } from "@/server/errors";
import { canMove, describeStatus, type TripStatus } from "./trip-states";

/** Refuses a move the state machine does not allow: CONFLICT (409), naming the trip's status. */
export function assertMove(from: TripStatus, to: TripStatus): void {
  if (!canMove(from, to)) throw illegalMove(from, to);
}

export function illegalMove(from: TripStatus, to: TripStatus): AppError {
  return new AppError("CONFLICT", `This trip is ${describeStatus(from)}; it cannot become ${describeStatus(to)}.`, { status: from });
}
