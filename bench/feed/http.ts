import { performance } from "node:perf_hooks";
import superjson from "superjson";

/** tRPC over real HTTP, as the browser calls it (one call per request, superjson on the wire). */
export async function trpcQuery<T>(webUrl: string, path: string, input: unknown, cookie: string): Promise<{ ms: number; data: T }> {
  const url = `${webUrl}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  const body = await response.text();
  const ms = performance.now() - started;
  return { ms, data: unwrap<T>(path, response.status, body) };
}

export async function trpcMutation<T>(webUrl: string, path: string, input: unknown, cookie: string): Promise<{ ms: number; data: T }> {
  const started = performance.now();
  const response = await fetch(`${webUrl}/api/trpc/${path}`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body: JSON.stringify(superjson.serialize(input)),
  });
  const body = await response.text();
  const ms = performance.now() - started;
  return { ms, data: unwrap<T>(path, response.status, body) };
}

function unwrap<T>(path: string, status: number, body: string): T {
  if (status !== 200) throw new Error(`${path} answered ${status}: ${body.slice(0, 300)}`);
  const parsed = JSON.parse(body) as { result: { data: Parameters<typeof superjson.deserialize>[0] } };
  return superjson.deserialize<T>(parsed.result.data);
}

export function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round((sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * fraction) - 1))] ?? 0) * 10) / 10;
}
