import { NextResponse, type NextRequest } from "next/server";
import { CHAT_FILES_PATH } from "@/server/chat/attachments/attachments";
import { newNonce, pageSecurityHeaders, securityHeaders, servesPage } from "@/server/platform/security-headers";
import { MEDIA_PATH } from "@/server/platform/storage";
import { proxyRoute } from "@/server/web/next-route";

const shortLink = proxyRoute("/:code");

/**
 * Security headers on everything Next answers (no matcher: pages, route
 * handlers and static files alike); see server/platform/security-headers.ts.
 * A page gets a fresh nonce, passed on in the request's own
 * Content-Security-Policy header, where Next finds it and puts it on the
 * scripts it renders. Pages read cookies in the root layout, so every page is
 * rendered per request and no cached page carries a stale nonce.
 *
 * A one-segment path may be a short link: its redirect, 410 or password form
 * is answered here (server/web/next-route.ts says why); a miss goes on to the
 * pages (app/[code]).
 */
export async function proxy(request: NextRequest): Promise<Response> {
  const facts = { pathname: request.nextUrl.pathname, headers: request.headers };
  const link = await shortLink(request);
  if (link) return withMissingHeaders(link, securityHeaders(facts));
  if (!servesPage(facts.pathname)) {
    const headers: Record<string, string> = securityHeaders(facts);
    // A header set here wins over the route's own, and stored files carry their own policy, per type (serve-object.ts).
    if (servesStoredFiles(facts.pathname)) delete headers["Content-Security-Policy"];
    return withHeaders(NextResponse.next(), headers);
  }
  const headers = pageSecurityHeaders({ ...facts, nonce: newNonce() });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), headers);
}

function servesStoredFiles(pathname: string): boolean {
  return pathname.startsWith(MEDIA_PATH) || pathname.startsWith(CHAT_FILES_PATH);
}

/** The security headers the answer did not set itself (the short-link pages carry their own policy). */
function withMissingHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) if (!response.headers.has(name)) response.headers.set(name, value);
  return response;
}

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
