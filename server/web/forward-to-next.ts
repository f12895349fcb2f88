import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import net from "node:net";
import type { Duplex } from "node:stream";
import { pipeline } from "node:stream/promises";

/**
 * Headers that describe one connection, not the message (RFC 9110 §7.6.1):
 * each hop sets its own, so they are not passed on in either direction.
 */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade"]);

const UNAVAILABLE = "This service is briefly unavailable. Please try again shortly.";

/**
 * Passes requests the web process does not answer itself to the Next.js
 * process listening on `socketPath` (server/web/next-process.ts), streaming
 * both bodies, and the dev server's WebSocket upgrades likewise. Its own
 * keep-alive pool, so a page costs no new connection.
 */
export function createNextForwarder(socketPath: string) {
  const agent = new http.Agent({ keepAlive: true });

  function forward(request: IncomingMessage, response: ServerResponse): void {
    const upstream = http.request(
      { agent, socketPath, method: request.method, path: request.url, headers: endToEnd(request.headers) },
      (answer) => {
        // Next sends its own Date; ours would make two.
        response.sendDate = false;
        response.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEndRaw(answer.rawHeaders));
        pipeline(answer, response).catch(() => response.destroy());
      },
    );
    upstream.on("error", () => {
      if (response.headersSent) return void response.destroy();
      response.writeHead(503, { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "5" });
      response.end(UNAVAILABLE);
    });
    // A visitor who leaves mid-answer (a closed tab, an aborted upload) ends Next's work too.
    response.on("close", () => {
      if (!response.writableFinished) upstream.destroy();
    });
    pipeline(request, upstream).catch(() => upstream.destroy());
  }

  /** `next dev`'s hot-reload socket: the upgrade request, then the bytes both ways. */
  function upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const upstream = net.connect(socketPath, () => {
      const lines = [`${request.method} ${request.url} HTTP/${request.httpVersion}`];
      for (let index = 0; index < request.rawHeaders.length; index += 2) lines.push(`${request.rawHeaders[index]}: ${request.rawHeaders[index + 1]}`);
      upstream.write(`${lines.join("\r\n")}\r\n\r\n`);
      if (head.length > 0) upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
    upstream.on("error", () => socket.destroy());
    socket.on("error", () => upstream.destroy());
  }

  return { forward, upgrade, close: () => agent.destroy() };
}

function endToEnd(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const kept: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (!HOP_BY_HOP.has(name)) kept[name] = value;
  return kept;
}

/** Raw pairs keep repeated headers (Set-Cookie) apart, as Next sent them. */
function endToEndRaw(rawHeaders: string[]): string[] {
  const kept: string[] = [];
  for (let index = 0; index < rawHeaders.length; index += 2) {
    const name = rawHeaders[index] ?? "";
    if (!HOP_BY_HOP.has(name.toLowerCase())) kept.push(name, rawHeaders[index + 1] ?? "");
  }
  return kept;
}
