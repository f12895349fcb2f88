/**
 * The baseline of `npm run bench:links`: the least a redirect can do — a bare
 * node:http server, one Redis GET per request, a 302. Started as a child
 * process by bench/links.ts with BASELINE_PORT and BASELINE_REDIS_URL.
 * (A bench helper, not app code: it reads its two settings from argv.)
 */
import http from "node:http";
import { Redis } from "ioredis";

const [portArg, redisUrl, prefix] = process.argv.slice(2);
if (!portArg || !redisUrl || !prefix) throw new Error("usage: links-baseline-server <port> <redis url> <key prefix>");
const redis = new Redis(redisUrl);

const server = http.createServer((request, response) => {
  const url = request.url ?? "/";
  const queryAt = url.indexOf("?");
  const code = url.slice(1, queryAt === -1 ? undefined : queryAt);
  redis.get(prefix + code).then(
    (destination) => {
      if (destination) response.writeHead(302, { Location: destination, "Cache-Control": "private, max-age=0" });
      else response.writeHead(404);
      response.end();
    },
    () => {
      response.writeHead(503);
      response.end();
    },
  );
});
server.keepAliveTimeout = 65_000;
server.listen(Number(portArg), "127.0.0.1", () => process.send?.("ready"));
process.on("SIGTERM", () => {
  server.close();
  redis.disconnect();
  process.exit(0);
});
