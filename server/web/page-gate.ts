import type { IncomingMessage } from "node:http";
import { db } from "@/server/platform/db";
import { answersInTime } from "@/server/platform/health";
import { servesPage } from "@/server/platform/security-headers";
import type { Answer } from "./answer";

/** What a browser is told to wait: `npm start` restarts Postgres within seconds. */
const RETRY_AFTER_SECONDS = 5;
/**
 * A Postgres that is down refuses at once; this only catches one that hangs. As long as the pool waits
 * for a connection (server/platform/db.ts), so a busy machine's slow first query is not taken for an outage.
 */
const PROBE_TIMEOUT_MS = 5_000;

/**
 * Pages while Postgres is away. Next 16 lets a server component end a request
 * with 404, 403, 401 or a redirect, never with a 503: a page whose data cannot
 * be read shows app/error.tsx (or global-error.tsx: the root layout reads the
 * session) with status 500. So the self-hosted web process asks Postgres
 * first — one `select 1` at a time, shared by the page requests that arrive
 * meanwhile — and when it refuses or does not answer within 5 s, answers the page
 * itself: 503 with Retry-After and a short page that says so and reloads
 * itself. Resolves null when the page should go to Next. On Vercel this file
 * is not used and the error page shows (with its retry button).
 */
export async function unavailablePage(
  request: Pick<IncomingMessage, "method">,
  pathname: string,
  databaseAnswers: () => Promise<boolean> = postgresAnswers,
): Promise<Answer | null> {
  if (!isPageRequest(request, pathname) || (await databaseAnswers())) return null;
  return {
    status: 503,
    headers: { "Content-Type": "text/html; charset=utf-8", "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" },
    body: UNAVAILABLE_HTML,
  };
}

/** A page is read with GET or HEAD; the API, Next's own files and public files are no pages. */
export function isPageRequest(request: Pick<IncomingMessage, "method">, pathname: string): boolean {
  return (request.method === "GET" || request.method === "HEAD") && servesPage(pathname);
}

let probing: Promise<boolean> | undefined;
function postgresAnswers(): Promise<boolean> {
  probing ??= answersInTime(db.$queryRaw`select 1`, PROBE_TIMEOUT_MS).finally(() => (probing = undefined));
  return probing;
}

const UNAVAILABLE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS}">
<title>Casebook is briefly unavailable</title>
</head>
<body>
<main>
<h1>Casebook is briefly unavailable</h1>
<p>Its database is restarting. This page reloads by itself in a few seconds; nothing you saved is lost.</p>
</main>
</body>
</html>
`;
