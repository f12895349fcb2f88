import { db } from "@/server/platform/db";
import type { Answer } from "@/server/web/answer";
import type { WebRequest } from "@/server/web/request";
import { ClickBuffer } from "../analytics/click-events";
import { hotPathRedis } from "../hot-path-redis";
import { getLinkCache } from "./link-cache";
import { readPasswordForm } from "./read-password-form";
import { resolveRedirect, type RedirectAnswer } from "./resolve-redirect";

/**
 * GET|HEAD|POST /{code}: the short-link redirect, a row of the route table
 * (server/web/routes.ts). Self-hosted, the listener answers it before Next's
 * router, which would cost every redirect a trip through Next's request
 * handling (docs/benchmarks.md); on Vercel proxy.ts runs it (proxyRoute).
 * A path with no link yields to Next there (it may be a page), so no page is
 * ever swallowed. The click is written after the answer is out.
 */
export function shortLinkRoute(request: WebRequest): Answer | Promise<Answer> {
  const answer = resolveRedirect(getLinkCache({ db, redis: hotPathRedis() }), {
    method: request.method,
    code: request.params.code ?? "",
    search: request.search,
    ip: request.ip,
    userAgent: request.header("user-agent") ?? "",
    referer: request.header("referer") ?? "",
    // Only a POST (the password form) has a body to read; no closure for every other redirect.
    readForm: request.method === "POST" ? () => readPasswordForm(request) : undefined,
  });
  return answer instanceof Promise ? answer.then((settled) => recordClick(request, settled)) : recordClick(request, answer);
}

function recordClick(request: WebRequest, answer: RedirectAnswer): RedirectAnswer {
  if (!answer.click) return answer;
  // Only the click that opens a batch hands its write over to wait for; the others ride on it.
  const batchWritten = clickBuffer().add(answer.click);
  if (batchWritten) request.defer(batchWritten);
  return answer;
}

const holder = globalThis as typeof globalThis & { casebookClickBuffer?: ClickBuffer };
function clickBuffer(): ClickBuffer {
  holder.casebookClickBuffer ??= new ClickBuffer(hotPathRedis());
  return holder.casebookClickBuffer;
}

/** Writes clicks still gathered in memory; server/web/main.ts calls it on shutdown. */
export function flushClicks(): Promise<void> {
  return holder.casebookClickBuffer?.flush() ?? Promise.resolve();
}
