import { randomUUID } from "node:crypto";

/** What one request of the light traffic came back with (status 0: no answer at all, e.g. connection refused). */
export type Outcome = { kind: "redirect" | "chat" | "page" | "health"; at: number; status: number; ms: number; retryAfter: boolean };
export type Traffic = ReturnType<typeof startTraffic>;

/** A normal desktop browser: headless user agents count as bots and their clicks are not stored. */
const DESKTOP_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36";
/** Past this a request counts as hung (the suite fails on Postgres's phase if one does). */
export const HUNG_MS = 5_000;

/**
 * Light, steady traffic for the whole run: a redirect every 100 ms, a chat
 * message every 500 ms and the Chat page of the conversation (it needs
 * Postgres) every second, one at a time each, every answer recorded. Clicks
 * are counted as served only for a 302 the client received.
 */
export function startTraffic(options: { webUrl: string; code: string; conversationId: string; senderCookie: string }) {
  const outcomes: Outcome[] = [];
  const servedClickTimes: number[] = [];
  const sentClientIds: string[] = [];
  let running = true;

  const timed = async (kind: Outcome["kind"], request: () => Promise<Response>): Promise<Response | undefined> => {
    const at = Date.now();
    try {
      const response = await request();
      await response.arrayBuffer();
      outcomes.push({ kind, at, status: response.status, ms: Date.now() - at, retryAfter: response.headers.has("retry-after") });
      return response;
    } catch {
      outcomes.push({ kind, at, status: 0, ms: Date.now() - at, retryAfter: false });
      return undefined;
    }
  };

  const loop = async (everyMs: number, step: () => Promise<void>) => {
    while (running) {
      const started = Date.now();
      await step();
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, everyMs - (Date.now() - started))));
    }
  };

  const redirects = loop(100, async () => {
    const response = await timed("redirect", () =>
      fetch(`${options.webUrl}/${options.code}`, { redirect: "manual", headers: { "user-agent": DESKTOP_UA }, signal: AbortSignal.timeout(HUNG_MS * 2) }),
    );
    if (response?.status === 302) servedClickTimes.push(Date.now());
  });

  const chat = loop(500, async () => {
    const clientId = randomUUID();
    const response = await timed("chat", () =>
      fetch(`${options.webUrl}/api/chat/conversations/${options.conversationId}/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: options.senderCookie },
        body: JSON.stringify({ clientId, body: `fault suite message ${clientId}` }),
        signal: AbortSignal.timeout(HUNG_MS * 2),
      }),
    );
    if (response?.status === 201) sentClientIds.push(clientId);
  });

  const requestPage = () =>
    timed("page", () =>
      fetch(`${options.webUrl}/chat/${options.conversationId}`, { headers: { cookie: options.senderCookie, accept: "text/html" }, signal: AbortSignal.timeout(HUNG_MS * 2) }),
    );
  const pages = loop(1_000, async () => {
    await requestPage();
  });

  return {
    outcomes,
    servedClickTimes,
    sentClientIds,
    /** One more request of the Chat page now, recorded among the outcomes; resolves with its status (0: no answer). */
    requestPage: async (): Promise<number> => (await requestPage())?.status ?? 0,
    /** Records a health probe among the outcomes. */
    probeHealth: async (): Promise<{ ok: boolean; body: string }> => {
      let body = "";
      const response = await timed("health", async () => {
        const answer = await fetch(`${options.webUrl}/api/health`, { signal: AbortSignal.timeout(3_000) });
        body = await answer.clone().text();
        return answer;
      });
      return { ok: response?.status === 200, body };
    },
    /** The first answer of `kind` to a request sent at or after `from` (waits up to 10 s for it). */
    nextOutcome: async (kind: Outcome["kind"], from: number): Promise<Outcome | undefined> => {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const found = outcomes.find((outcome) => outcome.kind === kind && outcome.at >= from);
        if (found || Date.now() > deadline) return found;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    stop: async () => {
      running = false;
      await Promise.all([redirects, chat, pages]);
    },
  };
}

/** "redirect 302×41 0×3; chat 201×8 503×2 (all with Retry-After)" for the outcomes in [from, to). */
export function summarizeOutcomes(outcomes: Outcome[], from: number, to: number): string {
  const parts: string[] = [];
  for (const kind of ["redirect", "chat", "page", "health"] as const) {
    const inWindow = outcomes.filter((outcome) => outcome.kind === kind && outcome.at >= from && outcome.at < to);
    if (inWindow.length === 0) continue;
    const byStatus = new Map<number, number>();
    for (const outcome of inWindow) byStatus.set(outcome.status, (byStatus.get(outcome.status) ?? 0) + 1);
    const statuses = [...byStatus.entries()].sort(([a], [b]) => a - b).map(([status, count]) => `${status === 0 ? "no answer" : status}×${count}`);
    const unavailable = inWindow.filter((outcome) => outcome.status === 503);
    const withoutRetryAfter = unavailable.filter((outcome) => !outcome.retryAfter).length;
    const note = unavailable.length > 0 && kind !== "health" ? (withoutRetryAfter === 0 ? " (503s with Retry-After)" : ` (${withoutRetryAfter} 503s without Retry-After)`) : "";
    parts.push(`${kind} ${statuses.join(" ")}${note}`);
  }
  return parts.join("; ");
}
