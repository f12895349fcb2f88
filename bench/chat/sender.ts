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
        const response = await fetch(`${target.webUrl}/api/chat/conversations/${conversation.id}/messages`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie: cookies[sender] ?? "" },
          body: JSON.stringify({ clientId, body: `bench message ${index} from ${userIds[sender]}` }),
        });
        const text = await response.text();
        if (!response.ok) throw new Error(`${response.status} ${text.slice(0, 200)}`);
        const entry = run.tracker.pending.get(clientId);
        if (entry) Object.assign(entry, { answered: performance.now(), conversationId: conversation.id, seq: (JSON.parse(text) as { seq: number }).seq });
      } catch (error) {
        outcome.errors++;
        const cause = error instanceof Error ? (error as Error & { cause?: { code?: string } }).cause : undefined;
        outcome.firstError ||= error instanceof Error ? `${error.message}${cause?.code ? ` (${cause.code})` : ""}` : String(error);
        const entry = run.tracker.pending.get(clientId);
        if (entry) entry.failed = true;
      }
    };
  return { send, outcome };
}
