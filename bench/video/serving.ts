import http from "node:http";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import autocannon from "autocannon";

/** Requests per second autocannon reached for one URL (bounded: 10 connections, `seconds`). */
export async function measureRps(url: string, seconds: number): Promise<{ rps: number; p99: number; errors: number }> {
  const result = await autocannon({ url, connections: 10, duration: seconds });
  return { rps: Math.round(result.requests.average), p99: result.latency.p99, errors: result.errors + result.non2xx };
}

/** The static-file baseline the issue names: bare node:http streaming the same segment from disk. */
export async function startStaticServer(file: string): Promise<{ url: string; close: () => Promise<void> }> {
  const size = (await fs.stat(file)).size;
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { "Content-Type": "video/iso.segment", "Content-Length": String(size) });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/segment.m4s`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
