/**
 * The baselines of `npm run bench:links`, started as child processes by
 * bench/links.ts: a bare node:http server answering each request with one
 * Redis GET and a 302 ("bare"), and the same with the work the app's redirect
 * does in front of Redis: an in-process LRU of the app's size and TTL
 * ("cached"; LINKS_LOCAL_CACHE_MAX / _TTL_MS, passed by the bench).
 * (A bench helper, not app code: it reads its settings from argv.)
 */
import http from "node:http";
import { Redis } from "ioredis";
import { LRUCache } from "lru-cache";
import { serveBaseline } from "./support/baseline-process";

const [portArg, redisUrl, prefix, mode = "bare", cacheMax = "0", cacheTtlMs = "0"] = process.argv.slice(2);
if (!portArg || !redisUrl || !prefix || (mode !== "bare" && mode !== "cached")) {
  throw new Error("usage: links-baseline-server <port> <redis url> <key prefix> [bare | cached <max> <ttl ms>]");
}
const redis = new Redis(redisUrl);
const cache = mode === "cached" ? new LRUCache<string, string>({ max: Number(cacheMax), ttl: Number(cacheTtlMs) }) : undefined;

function redirect(response: http.ServerResponse, destination: string | null | undefined) {
  if (destination) response.writeHead(302, { Location: destination, "Cache-Control": "private, max-age=0" });
  else response.writeHead(404);
  response.end();
}

const server = http.createServer((request, response) => {
  const url = request.url ?? "/";
  const queryAt = url.indexOf("?");
  const code = url.slice(1, queryAt === -1 ? undefined : queryAt);
  const cached = cache?.get(code);
  if (cached !== undefined) return redirect(response, cached);
  redis.get(prefix + code).then(
    (destination) => {
      if (destination) cache?.set(code, destination);
      redirect(response, destination);
    },
    () => {
      response.writeHead(503);
      response.end();
    },
  );
});
serveBaseline(server, Number(portArg), () => redis.disconnect());
