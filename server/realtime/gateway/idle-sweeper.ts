import type { LocalConnections } from "./connections";
import type { GatewayLimits } from "./gateway-context";
import { encodeEvent, PusherEvent } from "./protocol";

const PING_FRAME = encodeEvent({ event: PusherEvent.ping, data: {} });

/**
 * Finds connections that went quiet. A client normally pings by itself after
 * `activity_timeout`; one silent for longer than that plus a grace period gets
 * a pusher:ping, and one that does not answer within the pong timeout is
 * closed with 4201 (pusher-js reconnects). This runs from a single interval
 * for all sockets instead of a timer per socket, which keeps each idle
 * connection cheap.
 */
export function sweepIdleSockets(connections: LocalConnections, limits: GatewayLimits, now: number): void {
  for (const session of connections.all()) {
    if (session.isClosed) continue;
    if (session.pingSentAt > 0) {
      if (now - session.pingSentAt >= limits.pongTimeoutMs) session.closeWith("PONG_NOT_RECEIVED");
    } else if (now - session.lastActivityAt >= limits.activityTimeoutMs + limits.idleGraceMs) {
      session.send(PING_FRAME);
      session.pingSentAt = now;
    }
  }
}

/** How often to sweep: often enough to honour the shortest timeout within a quarter of it, at most once a second. */
export function idleSweepIntervalMs(limits: GatewayLimits): number {
  return Math.min(1000, Math.max(25, Math.floor(Math.min(limits.activityTimeoutMs, limits.pongTimeoutMs) / 4)));
}
