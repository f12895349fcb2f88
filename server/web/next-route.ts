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
