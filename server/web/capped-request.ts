import { errorAnswer } from "./answer";
import { FetchWebRequest, toResponse } from "./fetch-request";

/**
 * For route handlers that parse their own bodies (tRPC, better-auth): reads
 * the body under `maxBytes` first (413 past it, the rest unread) and hands
 * `handler` a copy of the request carrying those bytes, after `check` (which
 * may throw an AppError, answered in the usual shape) has passed.
 */
export function withCappedBody(
  maxBytes: number,
  handler: (request: Request) => Promise<Response>,
  check?: (request: FetchWebRequest) => void,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const web = new FetchWebRequest(request);
    let body: Buffer | undefined;
    try {
      check?.(web);
      if (request.body) body = await web.readBody(maxBytes);
    } catch (error) {
      return toResponse(errorAnswer(error, web.path), request.method);
    }
    if (body === undefined) return handler(request);
    return handler(new Request(request.url, { method: request.method, headers: request.headers, body: new Uint8Array(body), signal: request.signal }));
  };
}
