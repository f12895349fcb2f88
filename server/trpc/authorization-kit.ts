import fs from "node:fs/promises";
import path from "node:path";
import superjson from "superjson";
import type { AnyTRPCRouter } from "@trpc/server";

/**
 * The machinery of the authorization suite (authorization.test.ts): it finds
 * every tRPC procedure and every `app/api` route handler itself, and calls
 * them the way a browser does, through the real route handlers with a real
 * session cookie (or none), so a new procedure or route is found, not listed.
 */

/** Someone signed up through better-auth, with the Cookie header their browser sends. */
export type Person = { id: string; cookie: string };

/** What a call answered: the HTTP status and, for tRPC, the deserialized data or error. */
export type Answer = { status: number; body: unknown };

export type Procedure = { path: string; type: "query" | "mutation" | "subscription" };

/** Every procedure of a router (nested routers included), by dotted path. */
export function listProcedures(router: AnyTRPCRouter): Procedure[] {
  const def = router._def as { procedures: Record<string, { _def: { type: Procedure["type"] } }>; lazy?: Record<string, unknown> };
  // A lazy router's procedures are unknown until it loads, so they could hide from the suite.
  if (Object.keys(def.lazy ?? {}).length > 0) throw new Error(`lazy routers are not walked by the authorization suite: ${Object.keys(def.lazy ?? {}).join(", ")}`);
  return Object.entries(def.procedures)
    .map(([procedurePath, procedure]) => ({ path: procedurePath, type: procedure._def.type }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Calls one procedure through the tRPC route handler, as the browser's client does (superjson, GET for queries). */
export async function callProcedure(procedure: Procedure, input: unknown, who: Person | null): Promise<Answer> {
  const { GET, POST } = await import("@/app/api/trpc/[trpc]/route");
  const url = new URL(`http://localhost/api/trpc/${procedure.path}`);
  const headers = new Headers(who ? { cookie: who.cookie } : {});
  let response: Response;
  if (procedure.type === "query") {
    if (input !== undefined) url.searchParams.set("input", JSON.stringify(superjson.serialize(input)));
    response = await GET(new Request(url, { headers }));
  } else {
    headers.set("content-type", "application/json");
    response = await POST(new Request(url, { method: "POST", headers, body: JSON.stringify(superjson.serialize(input)) }));
  }
  const json = (await response.json()) as { result?: { data: Parameters<typeof superjson.deserialize>[0] }; error?: { json: unknown } };
  return { status: response.status, body: json.result ? superjson.deserialize(json.result.data) : json.error?.json };
}

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

type RouteHandler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response> | Response;

/** One exported handler of an `app/api/**\/route.ts`, named like "GET /api/stats/[code]". */
export type ApiRoute = { name: string; method: (typeof HTTP_METHODS)[number]; pattern: string; handler: RouteHandler };

/** Every method handler of every route file under `app/api`. */
export async function listApiRoutes(root: string): Promise<ApiRoute[]> {
  const routes: ApiRoute[] = [];
  for (const file of await findRouteFiles(path.join(root, "app/api"))) {
    const segments = path.relative(path.join(root, "app"), path.dirname(file)).split(path.sep);
    // Route groups "(name)" do not appear in the URL.
    const pattern = `/${segments.filter((segment) => !/^\(.*\)$/.test(segment)).join("/")}`;
    const routeModule = (await import(file)) as Record<string, unknown>;
    for (const method of HTTP_METHODS) {
      const handler = routeModule[method];
      if (typeof handler === "function") routes.push({ name: `${method} ${pattern}`, method, pattern, handler: handler as RouteHandler });
    }
  }
  return routes.sort((a, b) => a.name.localeCompare(b.name));
}

async function findRouteFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await findRouteFiles(full)));
    else if (/^route\.[jt]sx?$/.test(entry.name)) found.push(full);
  }
  return found;
}

/** A concrete request to a route: the path (its dynamic segments filled in) and an optional body. */
export type RouteRequest = { path: string; body?: string | Uint8Array<ArrayBuffer>; headers?: Record<string, string> };

/** Calls a route handler as Next would: a Request, and the params read off the path by the route's pattern. */
export async function callRoute(route: ApiRoute, request: RouteRequest, who: Person | null): Promise<Answer> {
  const headers = new Headers({ ...request.headers, ...(who ? { cookie: who.cookie } : {}) });
  const response = await route.handler(new Request(`http://localhost${request.path}`, { method: route.method, headers, body: request.body }), {
    params: Promise.resolve(paramsOf(route.pattern, request.path)),
  });
  const text = await response.text();
  return { status: response.status, body: text };
}

function paramsOf(pattern: string, urlPath: string): Record<string, string | string[]> {
  const patternParts = pattern.split("/");
  const pathParts = new URL(urlPath, "http://localhost").pathname.split("/").map(decodeURIComponent);
  const params: Record<string, string | string[]> = {};
  patternParts.forEach((part, index) => {
    const catchAll = /^\[\[?\.\.\.(\w+)\]\]?$/.exec(part);
    const single = /^\[(\w+)\]$/.exec(part);
    if (catchAll?.[1]) params[catchAll[1]] = pathParts.slice(index);
    else if (single?.[1]) params[single[1]] = pathParts[index] ?? "";
    else if (part !== pathParts[index]) throw new Error(`${urlPath} does not match ${pattern}`);
  });
  return params;
}
