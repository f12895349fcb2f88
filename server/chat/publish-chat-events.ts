import { logger } from "@/server/platform/logger";
import { publishBatch, publishToUser, type RealtimeEvent, terminateUserConnections } from "@/server/platform/realtime";
import { conversationChannel } from "./chat-channels";

/**
 * Chat's publishers (names in chat-channels.ts).
 *
 * Publishing never fails an operation: the database row is the truth and
 * clients resync by seq on reconnect or when they see a gap, so a gateway
 * outage costs latency, not messages.
 */
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
 * New messages reach this queue in seq order (insert-messages.ts settles a batch by seq).
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

/**
 * Closes the user's realtime connections after they lost a conversation: a subscription the gateway already
 * granted would otherwise keep delivering its messages. Their clients reconnect at once, subscribe again, and
 * the lost conversation's channel is refused. Never fails the operation (the membership is already gone).
 */
export async function disconnectChatUser(userId: string): Promise<void> {
  try {
    await terminateUserConnections(userId);
  } catch (error) {
    log.warn({ userId, err: describe(error) }, "could not terminate a removed user's realtime connections");
  }
}

export const chatLog = log;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
