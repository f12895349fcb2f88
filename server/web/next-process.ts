import http from "node:http";
import next from "next";
import { env } from "@/server/env";
import { logger } from "@/server/platform/logger";

/**
 * Next.js in a process of its own, forked by the web process
 * (server/web/next-child.ts), which answers the hot paths itself and forwards
 * everything else here over a private Unix socket. Next turns on
 * AsyncLocalStorage, whose async hooks (Node 20) then tax every promise and
 * socket of the process it runs in: in the web process they made a redirect
 * cost 66–83 µs of CPU instead of 38–48 µs (docs/benchmarks.md).
 *
 * Argument: the socket path; `--dev` for Next's dev server.
 */
const [socketPath] = process.argv.slice(2);
const dev = process.argv.includes("--dev");
const parent = process.send?.bind(process);
if (!socketPath || !parent) throw new Error("server/web/next-process.ts is forked by the web process (server/web/next-child.ts)");
const log = logger.child({ module: "next" });

const app = next({ dev, hostname: "localhost", port: env.PORT });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((request, response) => void handle(request, response));
if (dev) server.on("upgrade", app.getUpgradeHandler());
// The only client is the web process's keep-alive pool: its idle connections are never timed out
// here (a close racing a reuse would fail a page), and its visitors' pace is timed at their own hop.
server.keepAliveTimeout = 0;
server.requestTimeout = 0;
server.listen(socketPath, () => parent({ ready: true }));
server.on("error", (error) => {
  log.fatal({ err: error }, "Next could not listen");
  process.exit(1);
});

// The web process is gone (even killed outright, which closes this channel): nothing is left to serve.
process.on("disconnect", () => process.exit(0));
process.once("SIGTERM", () => {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  // Long-lived answers (event streams) must not hold the process forever.
  setTimeout(() => process.exit(0), 5_000).unref();
});
