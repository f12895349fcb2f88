import { logger } from "@/server/platform/logger";
import { publishBatch, publishToUser, type RealtimeEvent } from "@/server/platform/realtime";

/**
 * Channel names and event names of Chat, in one place so the router header,
 * the channel-access rules and the publishers cannot drift apart.
 *
 * Publishing never fails an operation: the database row is the truth and
 * clients resync by seq on reconnect or when they see a gap, so a gateway
 * outage costs latency, not messages.
 */
export const CONVERSATION_CHANNEL_PREFIX = "private-chat-";
export const CONVERSATION_PRESENCE_PREFIX = "presence-chat-";

export function conversationChannel(conversationId: string): string {
  return `${CONVERSATION_CHANNEL_PREFIX}${conversationId}`;
}

export function conversationPresenceChannel(conversationId: string): string {
  return `${CONVERSATION_PRESENCE_PREFIX}${conversationId}`;
}

/** Events on `private-chat-<conversationId>`. */
export const CHAT_EVENTS = {
  message: "message",
  messageEdited: "message-edited",
  messageDeleted: "message-deleted",
  reaction: "reaction",
  receipt: "receipt",
  conversationUpdated: "conversation-updated",
} as const;

/** Events on the member's own `private-user-<userId>`. */
export const CHAT_USER_EVENTS = {
  /** You were added to a conversation (a new DM or group): subscribe to its channel. */
  conversationAdded: "chat.conversation-added",
  /** You were removed: unsubscribe; later subscriptions are refused. */
  removed: "chat.removed",
} as const;

const log = logger.child({ module: "chat" });

type QueuedEvent = { event: RealtimeEvent; seq: number | undefined; done: () => void };
type ConversationQueue = { pending: QueuedEvent[] };

/** Pusher's limit on events per batch request. */
const BATCH_SIZE = 10;
const queues = new Map<string, ConversationQueue>();

/**
 * Publishes to `private-chat-<id>`, resolving once the realtime service accepted it.
 *
 * Per conversation, this process keeps at most one request in flight: events
 * that arrive meanwhile wait and leave together in the next batch, `message`
 * events sorted by seq first, so a burst costs one request per ten events.
 * New messages reach this queue in seq order through a SendTicket (below).
 */
export function publishToConversation(
  conversationId: string,
  event: string,
  data: unknown,
  options: { excludeSocketId?: string; seq?: number } = {},
): Promise<void> {
  return new Promise((resolve) => {
    const channel = conversationChannel(conversationId);
    const queued: QueuedEvent = {
      event: options.excludeSocketId ? { channel, event, data, excludeSocketId: options.excludeSocketId } : { channel, event, data },
      seq: options.seq,
      done: resolve,
    };
    const queue = queues.get(conversationId);
    if (queue) {
      queue.pending.push(queued);
      return;
    }
    const fresh: ConversationQueue = { pending: [queued] };
    queues.set(conversationId, fresh);
    void drain(conversationId, fresh);
  });
}

async function drain(conversationId: string, queue: ConversationQueue): Promise<void> {
  while (queue.pending.length > 0) {
    // Stable: messages by seq, then everything else in arrival order (edits, receipts refer to earlier seqs).
    queue.pending.sort((a, b) => (a.seq ?? Number.MAX_SAFE_INTEGER) - (b.seq ?? Number.MAX_SAFE_INTEGER));
    const batch = queue.pending.splice(0, BATCH_SIZE);
    try {
      await publishBatch(batch.map((queued) => queued.event));
    } catch (error) {
      log.warn({ conversationId, events: batch.length, err: describe(error) }, "could not publish chat events");
    }
    for (const queued of batch) queued.done();
  }
  // No await since the loop's last check, so nothing can have been queued in between.
  queues.delete(conversationId);
}

/**
 * Orders a conversation's new messages by seq before they are published.
 *
 * Seqs are assigned in commit order, but the sends of one conversation that
 * run concurrently on different Postgres connections get their answers back
 * in any order: seq 6 may be ready to publish while seq 5 is still on its way.
 * Each send opens a ticket just before its insert. A message whose insert came
 * back waits for the tickets that were still open at that moment (only they
 * can hold a lower seq: any insert that starts later gets a higher one) —
 * unless the seq just before it is already out — and goes out smallest seq
 * first. Measured on bench:chat: without this, a few
 * hundred `message` events per run reached clients out of seq order.
 * Other web instances publish independently; clients still sort by seq.
 */
export interface SendTicket {
  /** The insert stored message `seq`: publish it once every lower seq of this process went out. */
  publishMessage(data: unknown, options: { seq: number; excludeSocketId?: string }): Promise<void>;
  /** The insert stored nothing (a retry, a refusal, an error). */
  close(): void;
}

/** How long a message may wait for an earlier send's answer; past it, it goes out anyway (clients fill the gap by seq). */
const MAX_HOLD_MS = 1_000;

type Held = { seq: number; waitFor: number[]; release: () => void; timer: NodeJS.Timeout };
type Gate = { open: Set<number>; held: Held[] };
const gates = new Map<string, Gate>();
let ticketCount = 0;

export function openSendTicket(conversationId: string): SendTicket {
  const gate = gates.get(conversationId) ?? { open: new Set<number>(), held: [] };
  gates.set(conversationId, gate);
  const id = ++ticketCount;
  gate.open.add(id);
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    gate.open.delete(id);
    releaseReady(conversationId, gate);
  };
  return {
    close,
    publishMessage(data, { seq, excludeSocketId }) {
      if (closed) throw new Error("this send ticket is already closed");
      const published = new Promise<void>((resolve) => {
        const release = () => void publishToConversation(conversationId, CHAT_EVENTS.message, data, { seq, excludeSocketId }).then(resolve);
        const entry: Held = { seq, waitFor: [...gate.open].filter((other) => other !== id), release, timer: setTimeout(() => forceRelease(entry), MAX_HOLD_MS) };
        entry.timer.unref();
        const at = gate.held.findIndex((other) => other.seq > seq);
        gate.held.splice(at === -1 ? gate.held.length : at, 0, entry);
      });
      close();
      return published;
    },
  };

  function forceRelease(entry: Held) {
    entry.waitFor = [];
    // Everything below it is released first, in order, whatever it waits for.
    for (const earlier of gate.held) {
      if (earlier.seq > entry.seq) break;
      earlier.waitFor = [];
    }
    releaseReady(conversationId, gate);
  }
}

/**
 * The last seq this process published per conversation (0: none yet; bounded, and forgetting one only means
 * waiting as above).
 * The seq right after it can go at once: everything lower is out, whatever sends are still running (those
 * still waiting for a pool connection would otherwise hold it up, though they can only get higher seqs).
 */
const lastReleased = new Map<string, number>();
const MAX_REMEMBERED = 10_000;

function releaseReady(conversationId: string, gate: Gate): void {
  while (gate.held.length > 0) {
    const first = gate.held[0] as Held;
    const next = first.seq === (lastReleased.get(conversationId) ?? 0) + 1;
    if (!next && first.waitFor.some((other) => gate.open.has(other))) break;
    gate.held.shift();
    clearTimeout(first.timer);
    remember(conversationId, first.seq);
    first.release();
  }
  if (gate.open.size === 0 && gate.held.length === 0) gates.delete(conversationId);
}

function remember(conversationId: string, seq: number): void {
  if (seq <= (lastReleased.get(conversationId) ?? 0)) return;
  // Re-inserted, so the Map's order is least recently published first.
  lastReleased.delete(conversationId);
  lastReleased.set(conversationId, seq);
  if (lastReleased.size > MAX_REMEMBERED) lastReleased.delete(lastReleased.keys().next().value as string);
}

export async function publishChatEvents(events: RealtimeEvent[]): Promise<void> {
  if (events.length === 0) return;
  try {
    await publishBatch(events);
  } catch (error) {
    log.warn({ events: events.length, err: describe(error) }, "could not publish chat events");
  }
}

export async function publishToChatUser(userId: string, event: string, data: unknown): Promise<void> {
  try {
    await publishToUser(userId, event, data);
  } catch (error) {
    log.warn({ userId, event, err: describe(error) }, "could not publish a chat event to a user");
  }
}

export const chatLog = log;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
