import { errorAnswer } from "./answer";
import { FetchWebRequest, toResponse } from "./fetch-request";
import { runRoute, type Method } from "./route";
import { RouteTable } from "./route-table";
import { ROUTES } from "./routes";

const table = new RouteTable(ROUTES);

/**
 * A row of the route table as a Next route handler, for its file under app/
 * (`export const POST = nextRoute("POST", "/api/shorten")`): the same guard,
 * body checks and handler as the self-hosted listener, on the Web Request.
 * Parameters are read from the path with the row's pattern, so both
 * transports decode them alike (a malformed encoding answers 400).
 */
export function nextRoute(method: Method, pattern: string): (request: Request, context?: unknown) => Promise<Response> {
  const route = table.find(method, pattern);
  if (!route) throw new Error(`server/web/routes.ts has no row ${method} ${pattern}`);
  const single = new RouteTable([{ ...route, method }]);
  return async (request) => {
    const web = new FetchWebRequest(request);
    try {
      const match = single.match(method, web.path);
      if (match) web.params = match.params;
    } catch (error) {
      return toResponse(errorAnswer(error, web.path), method);
    }
    return toResponse(await runRoute(route, web), method);
  };
}

/**
 * A row whose misses are pages' to answer (the short-link catch-all "/:code"),
 * run in proxy.ts: a route handler and a page cannot share app/[code], so on
 * Vercel the proxy answers the row's hits (a redirect, a 410, the password
 * form) and null lets Next render the page, which shows the 404 inside the
 * app's layout. Self-hosted, the listener has answered hits before Next, and a
 * miss that reaches the proxy is looked up again (from the negative cache).
 */
export function proxyRoute(pattern: string): (request: Request) => Promise<Response | null> {
  const rows = table.routes.filter((route) => route.pattern === pattern);
  if (rows.length === 0) throw new Error(`server/web/routes.ts has no row for ${pattern}`);
  const own = new RouteTable(rows);
  return async (request) => {
    const web = new FetchWebRequest(request);
    let match;
    try {
      match = own.match(request.method as Method, web.path);
    } catch {
      return null;
    }
    if (!match) return null;
    web.params = match.params;
    const answer = await runRoute(match.route, web);
    // A page takes GET and HEAD; the password form's POST to a missing code gets the short-link 404 itself.
    if (answer.yieldToNext && (request.method === "GET" || request.method === "HEAD")) return null;
    return toResponse(answer, request.method);
  };
}
