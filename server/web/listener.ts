import type { IncomingMessage, ServerResponse } from "node:http";
import { redirectSecurityHeaders, securityHeaders } from "@/server/platform/security-headers";
import { errorAnswer, type Answer } from "./answer";
import { NodeWebRequest, sendNodeAnswer } from "./node-request";
import { isPageRequest, unavailablePage } from "./page-gate";
import { malformedPath, runRoute } from "./route";
import { RouteTable, type RouteMatch } from "./route-table";
import { ROUTES } from "./routes";

const table = new RouteTable(ROUTES.filter((route) => route.beforeNext));

/**
 * What the self-hosted web process (server/web/main.ts) answers before Next:
 * the rows of the route table marked `beforeNext`, whose volume Next's router
 * cannot carry on small machines (docs/benchmarks.md, Links). Calls `next`,
 * having read and written nothing, for everything else — including a code
 * with no link, so pages are never swallowed — except a page while Postgres
 * does not answer, which gets a 503 page here. A path with a malformed
 * percent-encoding is answered 400 here, whoever it was for.
 *
 * A handler that answers synchronously (a redirect from the in-process cache)
 * is sent without a single promise: once Next has run, AsyncLocalStorage's
 * hooks (Node 20) make every promise cost, and they doubled a redirect's CPU.
 */
export function answerBeforeNext(request: IncomingMessage, response: ServerResponse, next: () => void): void {
  const url = request.url ?? "/";
  const method = request.method ?? "GET";
  const queryAt = url.indexOf("?");
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  let match: RouteMatch | null;
  try {
    if (path.includes("%")) checkPercentEncoding(path);
    match = table.match(method, path);
  } catch (error) {
    send(request, response, path, errorAnswer(error, path), next);
    return;
  }
  if (!match) return toNext(request, response, path, next);
  const web = new NodeWebRequest(request, path, queryAt === -1 ? "" : url.slice(queryAt));
  web.params = match.params;
  const answer = runRoute(match.route, web);
  if (answer instanceof Promise) void answer.then((settled) => send(request, response, path, settled, next));
  else send(request, response, path, answer, next);
}

/** A page Next would render while Postgres does not answer is answered here instead: 503 (server/web/page-gate.ts). */
function toNext(request: IncomingMessage, response: ServerResponse, path: string, next: () => void): void {
  if (!isPageRequest(request, path)) return next();
  void unavailablePage(request, path).then((page) => (page ? send(request, response, path, page, next) : next()));
}

// Module-level, not nested: tsx keeps function names by defining `name` on every closure it creates.
function send(request: IncomingMessage, response: ServerResponse, path: string, answer: Answer, next: () => void): void {
  if (answer.yieldToNext) return toNext(request, response, path, next);
  const method = request.method ?? "GET";
  try {
    sendNodeAnswer(response, answer, method, baseHeaders(request, path, answer));
  } catch (error) {
    // A header Node refuses (a bug of ours): answer 500 rather than crash the process.
    if (response.headersSent) response.destroy();
    else sendNodeAnswer(response, errorAnswer(error, path), method);
  }
}

/**
 * The security headers proxy.ts gives whatever Next answers, or the shorter
 * set of a redirect without a body (server/platform/security-headers.ts); an
 * answer's own win.
 */
function baseHeaders(request: IncomingMessage, pathname: string, answer: Answer): Record<string, string> {
  const headers = new RequestHeaders(request);
  const bodilessRedirect = answer.status >= 300 && answer.status < 400 && !answer.body;
  return bodilessRedirect ? redirectSecurityHeaders({ headers }) : securityHeaders({ pathname, headers });
}

/** The request's headers behind Headers' `get`, without copying them into a Headers. */
class RequestHeaders {
  constructor(private readonly request: IncomingMessage) {}

  get(name: string): string | null {
    const value = this.request.headers[name.toLowerCase()];
    return Array.isArray(value) ? value.join(", ") : (value ?? null);
  }
}

function checkPercentEncoding(path: string): void {
  try {
    decodeURIComponent(path);
  } catch {
    throw malformedPath();
  }
}
