import http from "node:http";
import { env } from "@/server/env";
import { flushClicks } from "@/server/links/redirect/redirect-route";
import { logger } from "@/server/platform/logger";
import { answerBeforeNext } from "./listener";
import { startNextProcess } from "./next-child";
import { nextPreparing } from "./next-readiness";

/**
 * The self-hosted web process: our own node:http listener answers the hot
 * paths of the route table and forwards the rest to Next.js, which runs in a
 * process of its own (server/web/next-process.ts says why; docs/benchmarks.md).
 * On Vercel this file is not used; `next build` output runs there directly.
 */
const dev = process.argv.includes("--dev");
const log = logger.child({ module: "web" });

const nextProcess = startNextProcess({ dev });
/**
 * Listening starts before Next is ready: the rows answered here (redirects,
 * chat sends) serve a restarted web process sooner, requests for Next wait for
 * it rather than being refused, and /api/health says "starting" until it is.
 */
nextPreparing(nextProcess.ready);
nextProcess.ready.catch((error: unknown) => {
  log.fatal({ err: error }, "Next could not start");
  process.exit(1);
});

/**
 * Route handlers never see the socket, so this listener acts as the last proxy
 * hop: it appends the peer address to X-Forwarded-For. The right-most entry is
 * therefore always the real peer (see requestClientIp in server/platform/ratelimit.ts).
 */
function appendPeerToForwardedFor(request: http.IncomingMessage): void {
  const peer = request.socket.remoteAddress ?? "unknown";
  const forwarded = request.headers["x-forwarded-for"];
  const chain = Array.isArray(forwarded) ? forwarded.join(", ") : forwarded;
  request.headers["x-forwarded-for"] = chain ? `${chain}, ${peer}` : peer;
}

/** The hot paths of the route table (server/web/routes.ts) are answered before Next's router; the rest goes to Next. */
const server = http.createServer((request, response) => {
  appendPeerToForwardedFor(request);
  answerBeforeNext(request, response, () => {
    nextProcess.ready.then(
      () => nextProcess.forward(request, response),
      (error: unknown) => {
        log.error({ err: error, method: request.method, url: request.url }, "request failed before Next");
        if (!response.headersSent) response.writeHead(503, { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "5" });
        response.end("This service is briefly unavailable. Please try again shortly.");
      },
    );
  });
});
// Next's dev server needs the upgrade path for hot reload.
if (dev) server.on("upgrade", nextProcess.upgrade);
server.keepAliveTimeout = 65_000;

server.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EADDRINUSE") {
    log.fatal(`Port ${env.PORT} is already in use. Choose another one: PORT=<port> npm start`);
  } else {
    log.fatal({ err: error }, "web server failed");
  }
  process.exit(1);
});

// Node's default backlog (511) overflowed when 1,000 clients re-subscribed at once after a gateway restart (bench:chat):
// the kernel dropped handshakes and clients saw ECONNRESET. Linux caps it at net.core.somaxconn.
server.listen({ port: env.PORT, host: env.HOST, backlog: 4096 }, () => log.info(`web listening on ${env.HOST}:${env.PORT}`));

function shutdown(): void {
  server.close(() => void Promise.all([flushClicks(), nextProcess.stop()]).finally(() => process.exit(0)));
  server.closeIdleConnections();
  // Long-lived requests (event streams) must not hold the process forever.
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);
