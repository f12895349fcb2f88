import { NextResponse, type NextRequest } from "next/server";
import { CHAT_FILES_PATH } from "@/server/chat/attachments/attachments";
import { newNonce, pageSecurityHeaders, securityHeaders, servesPage } from "@/server/platform/security-headers";
import { MEDIA_PATH } from "@/server/platform/storage";

/**
 * Security headers on everything Next answers (no matcher: pages, route
 * handlers and static files alike); see server/platform/security-headers.ts.
 * A page gets a fresh nonce, passed on in the request's own
 * Content-Security-Policy header, where Next finds it and puts it on the
 * scripts it renders. Pages read cookies in the root layout, so every page is
 * rendered per request and no cached page carries a stale nonce.
 */
export function proxy(request: NextRequest): NextResponse {
  const facts = { pathname: request.nextUrl.pathname, headers: request.headers };
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

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
