import type { WebSocket } from "ws";
import { encodeError, type GatewayErrorName, GatewayError, type PresenceMember } from "./protocol";

/**
 * The state of one client connection. Kept deliberately small — a gateway
 * holds tens of thousands of these — so there are no per-socket timers (one
 * sweep checks every socket's activity, see idle-sweeper.ts) and the presence
 * map only exists for sockets that join a presence channel.
 */
export class SocketSession {
  /** Channels this socket is subscribed to, including one whose subscription is still being set up. */
  readonly channels = new Set<string>();
  /** The member this socket is in each presence channel; needed for client events' user_id and for cleanup. */
  presence: Map<string, PresenceMember> | undefined;
  /** The user this connection signed in as (pusher:signin); what terminate_connections finds it by. */
  userId: string | undefined;
  lastActivityAt: number;
  /** When the gateway sent a pusher:ping it still awaits an answer to; 0 when none is outstanding. */
  pingSentAt = 0;
  private clientEventWindowStart = 0;
  private clientEventCount = 0;
  private closed = false;
  /** Tail of the message queue: messages of one socket are handled in order, even when one waits on Redis. */
  private tail: Promise<void> | undefined;

  constructor(
    readonly id: string,
    private readonly ws: WebSocket,
    now: number,
    private readonly maxBufferedBytes: number,
  ) {
    this.lastActivityAt = now;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  markActive(now: number): void {
    this.lastActivityAt = now;
    this.pingSentAt = 0;
  }

  send(frame: string): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    // A socket that stopped reading would otherwise make the gateway buffer
    // every event for it in memory; cut it off and let it reconnect.
    if (this.ws.bufferedAmount > this.maxBufferedBytes) {
      this.closeWith("SLOW_CONSUMER");
      return;
    }
    this.ws.send(frame);
  }

  sendError(error: GatewayErrorName, detail?: string): void {
    this.send(encodeError(error, detail));
    if (GatewayError[error].closes) this.closeWith(error);
  }

  /** Sends the error frame first (pusher-js reads the code from either), then closes with the same code. */
  closeWith(error: GatewayErrorName): void {
    if (this.closed) return;
    const { code, message } = GatewayError[error];
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(encodeError(error));
    this.closed = true;
    this.ws.close(code, message);
  }

  /** Drops the connection without a close handshake (used when a gateway dies on purpose in tests or at shutdown). */
  terminate(): void {
    this.closed = true;
    this.ws.terminate();
  }

  markClosed(): void {
    this.closed = true;
  }

  /** Fixed one-second window: cheap, no timer, and matches Pusher's "N client events per second". */
  allowClientEvent(now: number, perSecond: number): boolean {
    if (now - this.clientEventWindowStart >= 1000) {
      this.clientEventWindowStart = now;
      this.clientEventCount = 0;
    }
    this.clientEventCount += 1;
    return this.clientEventCount <= perSecond;
  }

  /**
   * Runs `task` after every task queued before it. Failures go to `onError`
   * so one bad message never breaks the queue of the socket.
   */
  enqueue(task: () => Promise<void>, onError: (error: unknown) => void): Promise<void> {
    const run = async () => {
      try {
        await task();
      } catch (error) {
        onError(error);
      }
    };
    const next = this.tail ? this.tail.then(run) : run();
    const tracked = next.finally(() => {
      if (this.tail === tracked) this.tail = undefined;
    });
    this.tail = tracked;
    return tracked;
  }
}
