import { randomInt } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { leaveAllChannels } from "./channel-subscriptions";
import { describeError, type GatewayContext } from "./gateway-context";
import { decodePathSegment, encodeError, encodeEvent, type GatewayErrorName, GatewayError, PROTOCOL_VERSION, PusherEvent } from "./protocol";
import { isOriginAllowed } from "./origin-policy";
import { handleSocketFrame } from "./socket-messages";
import { SocketSession } from "./socket-session";

const APP_PATH = /^\/app\/([^/]+)\/?$/;

/**
 * The WebSocket side of the gateway: `/app/:key?protocol=7&client=…&version=…`,
 * the path pusher-js connects to.
 */
export interface WebSocketEndpoint {
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
}

export function createWebSocketEndpoint(ctx: GatewayContext): WebSocketEndpoint {
  const server = new WebSocketServer({
    noServer: true,
    // Compression costs ~300 KB of zlib state per socket; Pusher frames are small anyway.
    perMessageDeflate: false,
    // The connections index lives in LocalConnections; ws's own Set would be a second copy.
    clientTracking: false,
    // Frames above the protocol limit get a pusher:error; far larger ones are cut off by ws (close 1009)
    // before they are buffered.
    maxPayload: Math.max(ctx.limits.maxMessageBytes * 4, 64 * 1024),
  });

  function accept(ws: WebSocket, request: IncomingMessage, url: URL, appKey: string): void {
    const refusal = refusalFor(ctx, request, url, appKey);
    if (refusal) {
      refuse(ctx, ws, refusal);
      return;
    }
    const session = new SocketSession(newSocketId(), ws, Date.now(), ctx.limits.maxBufferedBytes);
    ctx.connections.add(session);

    ws.on("message", (raw, isBinary) => handleSocketFrame(ctx, session, raw, isBinary));
    // A WebSocket-level pong (from clients that use protocol pings) counts as activity too.
    ws.on("pong", () => session.markActive(Date.now()));
    ws.on("error", (error) => ctx.log.warn({ err: describeError(error), socketId: session.id }, "socket error"));
    ws.on("close", () => {
      session.markClosed();
      void session.enqueue(
        async () => {
          await leaveAllChannels(ctx, session);
          ctx.connections.remove(session);
        },
        (error) => ctx.log.error({ err: describeError(error), socketId: session.id }, "disconnect cleanup failed"),
      );
    });

    session.send(
      encodeEvent({
        event: PusherEvent.connectionEstablished,
        data: JSON.stringify({ socket_id: session.id, activity_timeout: ctx.limits.activityTimeoutMs / 1000 }),
      }),
    );
  }

  return {
    handleUpgrade(request, socket, head) {
      const url = new URL(request.url ?? "/", "http://gateway");
      const match = APP_PATH.exec(url.pathname);
      const appKey = match?.[1] ? decodePathSegment(match[1]) : null;
      if (appKey === null) {
        socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
        return;
      }
      server.handleUpgrade(request, socket, head, (ws) => accept(ws, request, url, appKey));
    },
  };
}

/** Refusals are sent over the WebSocket, not as HTTP errors, because pusher-js reads the code from there. */
function refusalFor(ctx: GatewayContext, request: IncomingMessage, url: URL, appKey: string): GatewayErrorName | null {
  if (appKey !== ctx.app.key) return "APP_NOT_FOUND";
  if (!isOriginAllowed(ctx.allowedOrigins, request.headers.origin, request.headers.host)) return "ORIGIN_NOT_ALLOWED";
  const protocol = url.searchParams.get("protocol");
  if (protocol === null || protocol === "") return "NO_PROTOCOL";
  if (Number(protocol) !== PROTOCOL_VERSION) return "UNSUPPORTED_PROTOCOL";
  return null;
}

function refuse(ctx: GatewayContext, ws: WebSocket, error: GatewayErrorName): void {
  ws.on("error", (socketError) => ctx.log.warn({ err: describeError(socketError) }, "socket error while refusing"));
  ws.send(encodeError(error));
  ws.close(GatewayError[error].code, GatewayError[error].message);
}

/** Pusher's format, `<digits>.<digits>`; the `pusher` SDK rejects anything else as a socket_id. */
function newSocketId(): string {
  return `${randomInt(1, 2 ** 40)}.${randomInt(1, 2 ** 40)}`;
}
