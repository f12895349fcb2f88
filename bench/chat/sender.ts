import http from "node:http";
import { performance } from "node:perf_hooks";
import type { Conversation, Seeded } from "./data-set";
import type { Send } from "./load";
import { runId } from "./settings";
import type { Target } from "./target";
import { run } from "./tracker";

/**
 * Sends through the real send path the browser uses — `POST /api/chat/conversations/{id}/messages`
 * (answered before Next by the self-hosted web process → Postgres → gateway) — as a random member
 * of a random conversation. Each send expects one receipt per member (the sender's own client
 * included: the bench passes no socket id). Errors are counted here, per sender, so every phase
 * can report its own.
 */
export function chatSender(target: Target, seeded: Seeded) {
  const { conversations, cookies, userIds } = seeded;
  const outcome = { errors: 0, firstError: "" };
  const send =
    (index: number): Send =>
    async () => {
      const conversation = conversations[Math.floor(Math.random() * conversations.length)] as Conversation;
      const sender = conversation.members[Math.floor(Math.random() * conversation.members.length)] as number;
      const clientId = `b${runId}-${index}-${Math.random().toString(36).slice(2, 8)}`;
      const start = performance.now();
      run.tracker.expect(clientId, start, conversation.members.length);
      try {
        const { status, text } = await postJson(
          new URL(`/api/chat/conversations/${conversation.id}/messages`, target.webUrl),
          cookies[sender] ?? "",
          JSON.stringify({ clientId, body: `bench message ${index} from ${userIds[sender]}` }),
        );
        if (status !== 201) throw new Error(`${status} ${text.slice(0, 200)}`);
        const entry = run.tracker.pending.get(clientId);
        if (entry) Object.assign(entry, { answered: performance.now(), conversationId: conversation.id, seq: (JSON.parse(text) as { seq: number }).seq });
      } catch (error) {
        outcome.errors++;
        outcome.firstError ||= error instanceof Error ? error.message : String(error);
        const entry = run.tracker.pending.get(clientId);
        if (entry) entry.failed = true;
      }
    };
  return { send, outcome };
}

/**
 * node:http with kept-alive sockets rather than fetch: the load generator shares the two cores with the
 * stack, and undici's fetch cost this process more CPU per send than the 1,000 pusher-js clients did
 * (profiled on bench:chat --quick).
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function postJson(url: URL, cookie: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), cookie } }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(body);
  });
}
