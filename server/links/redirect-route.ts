import { after } from "next/server";
import { db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import { recordClick } from "./click-events";
import { hotPathRedis } from "./hot-path-redis";
import { getLinkCache } from "./link-cache";
import { readPasswordForm } from "./read-password-form";
import { requestClientIp } from "@/server/platform/ratelimit";
import { resolveRedirect } from "./resolve-redirect";

const log = logger.child({ module: "links-redirect-route" });

/**
 * app/[code]/route.ts: the same redirect as the self-hosted fast path, as a
 * Next route handler (Vercel runs no custom server). The click is written in
 * `after()`, once the response has been sent.
 */
export async function answerShortLinkRequest(request: Request, code: string): Promise<Response> {
  const url = new URL(request.url);
  const answer = await resolveRedirect(getLinkCache({ db, redis: hotPathRedis() }), {
    method: request.method,
    code,
    search: url.search,
    ip: requestClientIp(request.headers),
    userAgent: request.headers.get("user-agent") ?? "",
    referer: request.headers.get("referer") ?? "",
    readForm: () => readPasswordForm(request.body, request.headers.get("content-length")),
  });
  const click = answer.click;
  if (click) after(() => recordClick(hotPathRedis(), click).catch((error: unknown) => log.error({ err: String(error) }, "click event lost")));
  return new Response(request.method === "HEAD" || answer.body === "" ? null : answer.body, { status: answer.status, headers: answer.headers });
}
