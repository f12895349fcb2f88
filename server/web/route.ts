import { AppError } from "@/server/errors";
import { errorAnswer, type Answer } from "./answer";
import { requireBodyType, type BodyTypes } from "./content-types";
import { guardRequest } from "./guard";
import type { WebRequest } from "./request";

export type Method = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE";

/** A row of the route table (server/web/routes.ts). */
export type Route = {
  method: Method | readonly Method[];
  /** "/api/shorten", "/api/chat/conversations/:conversationId/messages", "/:code". */
  pattern: string;
  /** May answer synchronously: the redirect does from its in-process cache (server/web/listener.ts says why). */
  handler: (request: WebRequest) => Answer | Promise<Answer>;
  /** Answered by the self-hosted listener before Next (the hot paths); otherwise only by its Next route file. */
  beforeNext?: boolean;
  /** The body's Content-Type, checked (415) before anything is read. Unset: not checked. */
  body?: BodyTypes;
  /**
   * The cross-site request guard (server/web/guard.ts) runs before the
   * handler unless the route is not cookie-authenticated (the short-link
   * redirect, whose password form works from any page).
   */
  guard?: false;
};

const BODY_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Runs a route: guard, body type, handler; whatever is thrown becomes the
 * usual error answer. Synchronous when the handler is: the redirect pays for
 * no promise on its way through.
 */
export function runRoute(route: Route, request: WebRequest): Answer | Promise<Answer> {
  try {
    if (route.guard !== false) guardRequest(request);
    if (route.body && BODY_METHODS.has(request.method)) requireBodyType(request.header("content-type"), route.body);
    const answer = route.handler(request);
    return answer instanceof Promise ? answer.catch((error: unknown) => errorAnswer(error, request.path)) : answer;
  } catch (error) {
    return errorAnswer(error, request.path);
  }
}

/** Percent-decodes a path parameter; a malformed encoding (e.g. "%E0%A4%A") is the client's mistake: 400. */
export function decodePathSegment(segment: string): string {
  if (!segment.includes("%")) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    throw malformedPath();
  }
}

export function malformedPath(): AppError {
  return new AppError("BAD_REQUEST", "The address contains an invalid percent-encoding.");
}

export function methodsOf(route: Route): readonly Method[] {
  return typeof route.method === "string" ? [route.method] : route.method;
}
