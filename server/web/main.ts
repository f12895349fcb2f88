import http from "node:http";
import next from "next";
import { env } from "@/server/env";
import { logger } from "@/server/platform/logger";

/**
 * The self-hosted web process: Next.js behind our own node:http listener, so
 * hot paths can be answered before Next's router (see README "Performance").
 * On Vercel this file is not used; `next build` output runs there directly.
 */
const dev = process.argv.includes("--dev");
const log = logger.child({ module: "web" });

const app = next({ dev, hostname: "localhost", port: env.PORT });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((request, response) => {
  void handle(request, response);
});
// Next's dev server needs the upgrade path for hot reload.
if (dev) server.on("upgrade", app.getUpgradeHandler());
server.keepAliveTimeout = 65_000;

server.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EADDRINUSE") {
    log.fatal(`Port ${env.PORT} is already in use. Choose another one: PORT=<port> npm start`);
  } else {
    log.fatal({ err: error }, "web server failed");
  }
  process.exit(1);
});

server.listen(env.PORT, env.HOST, () => log.info(`web listening on ${env.HOST}:${env.PORT}`));

function shutdown(): void {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  // Long-lived requests (event streams) must not hold the process forever.
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);
