import type { ConversationSummary } from "./chat-types";

export type ConversationList = { items: ConversationSummary[]; nextCursor: string | null };

/**
 * What the sidebar keeps when new list data is written over the cached one:
 * a fetched page, or a patch from a live event.
 *
 * A fetch can read the database before a message and answer after that
 * message's live update was applied; written as is, it would put the older
 * preview and unread count back (seen in CI). So, per conversation, the
 * message state (lastSeq, the last message, its time) comes from whichever
 * side has the higher seq, and the read and delivered marks never go back.
 * Everything else — which conversations exist, their names, members and
 * mute — is the new data's.
 */
export function mergeConversationList(previous: ConversationList | undefined, next: ConversationList): ConversationList {
  if (!previous) return next;
  const previousById = new Map(previous.items.map((item) => [item.id, item]));
  const items = next.items.map((item) => {
    const known = previousById.get(item.id);
    return known ? mergeConversation(known, item) : item;
  });
  items.sort((a, b) => b.lastActivityAt.getTime() - a.lastActivityAt.getTime());
  return { ...next, items };
}

function mergeConversation(known: ConversationSummary, next: ConversationSummary): ConversationSummary {
  const messages = known.lastSeq > next.lastSeq ? known : next;
  const lastReadSeq = Math.max(known.lastReadSeq, next.lastReadSeq);
  const lastDeliveredSeq = Math.max(known.lastDeliveredSeq, next.lastDeliveredSeq);
  const lastActivityAt = known.lastActivityAt > next.lastActivityAt ? known.lastActivityAt : next.lastActivityAt;
  if (messages === next && lastReadSeq === next.lastReadSeq && lastDeliveredSeq === next.lastDeliveredSeq && lastActivityAt === next.lastActivityAt) {
    return next;
  }
  return {
    ...next,
    lastSeq: messages.lastSeq,
    lastMessage: messages.lastMessage,
    lastActivityAt,
    lastReadSeq,
    lastDeliveredSeq,
    unreadCount: Math.max(0, messages.lastSeq - lastReadSeq),
  };
}
