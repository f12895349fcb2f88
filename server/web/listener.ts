import type { IncomingMessage, ServerResponse } from "node:http";
import { redirectSecurityHeaders, securityHeaders } from "@/server/platform/security-headers";
import { errorAnswer, type Answer } from "./answer";
import { NodeWebRequest, sendNodeAnswer } from "./node-request";
import { malformedPath, runRoute } from "./route";
import { RouteTable, type RouteMatch } from "./route-table";
import { ROUTES } from "./routes";

const table = new RouteTable(ROUTES.filter((route) => route.beforeNext));

/**
 * What the self-hosted web process (server/web/main.ts) answers before Next:
 * the rows of the route table marked `beforeNext`, whose volume Next's router
 * cannot carry on small machines (docs/benchmarks.md, Links). Resolves false,
 * having read and written nothing, for everything else — including a code
 * with no link, so pages are never swallowed. A path with a malformed
 * percent-encoding is answered 400 here, whoever it was for.
 */
export async function answerBeforeNext(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  const url = request.url ?? "/";
  const method = request.method ?? "GET";
  const queryAt = url.indexOf("?");
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  let match: RouteMatch | null;
  try {
    if (path.includes("%")) checkPercentEncoding(path);
    match = table.match(method, path);
  } catch (error) {
    const answer = errorAnswer(error, path);
    sendNodeAnswer(response, answer, method, baseHeaders(request, path, answer));
    return true;
  }
  if (!match) return false;
  const web = new NodeWebRequest(request, path, queryAt === -1 ? "" : url.slice(queryAt));
  web.params = match.params;
  const answer = await runRoute(match.route, web);
  if (answer.yieldToNext) return false;
  sendNodeAnswer(response, answer, method, baseHeaders(request, path, answer));
  return true;
}

/**
 * The security headers proxy.ts gives whatever Next answers, or the shorter
 * set of a redirect without a body (server/platform/security-headers.ts); an
 * answer's own win.
 */
function baseHeaders(request: IncomingMessage, pathname: string, answer: Answer): Record<string, string> {
  const headers = { get: (name: string) => headerValue(request, name) };
  const bodilessRedirect = answer.status >= 300 && answer.status < 400 && !answer.body;
  return bodilessRedirect ? redirectSecurityHeaders({ headers }) : securityHeaders({ pathname, headers });
}

function headerValue(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(", ") : (value ?? null);
}

function checkPercentEncoding(path: string): void {
  try {
    decodeURIComponent(path);
  } catch {
    throw malformedPath();
  }
}
