import { firstLinkIn } from "@/server/chat/link-previews/first-link";
import type { MessageEnvelope, MessageView, OutgoingMessage, ReactionEvent } from "./chat-types";

type LinkCard = NonNullable<MessageView["linkPreview"]>;

/**
 * The messages a conversation view holds: a window of history keyed by seq
 * (so order and de-duplication by id come for free) plus my messages the
 * server has not confirmed yet, keyed by clientId. A confirmed message
 * replaces its outgoing twin, whichever way it arrives (the send's answer,
 * a history page, or another tab's echo), so nothing shows twice.
 */
export type Timeline = {
  bySeq: ReadonlyMap<number, MessageView>;
  outgoing: readonly OutgoingMessage[];
  hasOlder: boolean;
  /** True when we hold a window in the past (after a search jump): live events are not appended. */
  hasNewer: boolean;
  /** The highest seq up to which the window has no holes; anything above it means a gap to fill. */
  contiguousUpTo: number;
  /** The highest seq held (may exceed contiguousUpTo while a gap is open). */
  maxSeq: number;
  /**
   * Link cards pushed before their message is held. The sender's own socket gets no envelope, only the
   * send's answer, and the worker's card can beat that answer; a card waits here until a version of its
   * message whose first link is the card's own arrives.
   */
  earlyCards: ReadonlyMap<number, LinkCard>;
};

export const EMPTY_TIMELINE: Timeline = { bySeq: new Map(), outgoing: [], hasOlder: false, hasNewer: false, contiguousUpTo: 0, maxSeq: 0, earlyCards: new Map() };

export type TimelineAction =
  | { type: "page"; messages: MessageView[]; mode: "replace" | "older" | "newer"; hasOlder: boolean; hasNewer: boolean }
  | { type: "upsert"; messages: MessageView[] }
  | { type: "envelope"; envelope: MessageEnvelope; sender: MessageView["sender"] }
  | { type: "edited"; seq: number; body: string; editedAt: Date; linkPreview: MessageView["linkPreview"] }
  | { type: "deleted"; seq: number; deletedAt: Date }
  | { type: "reaction"; event: ReactionEvent; myId: string }
  | { type: "pinned"; seq: number; pinned: boolean }
  | { type: "thread"; seq: number; threadReplyCount: number; threadLastReplyAt: Date }
  | { type: "link-preview"; seq: number; linkPreview: LinkCard }
  | { type: "outgoing"; message: OutgoingMessage }
  | { type: "outgoing-state"; clientId: string; state: OutgoingMessage["state"]; error?: string }
  | { type: "outgoing-discard"; clientId: string };

export function timelineReducer(timeline: Timeline, action: TimelineAction): Timeline {
  switch (action.type) {
    case "page": {
      // A fresh newest page keeps live messages that arrived while it was in flight (seq above the page).
      const pageTop = action.messages.at(-1)?.seq ?? 0;
      const base =
        action.mode !== "replace"
          ? new Map(timeline.bySeq)
          : new Map(action.hasNewer ? [] : [...timeline.bySeq].filter(([seq]) => seq > pageTop));
      const next = withMessages({ ...timeline, bySeq: base }, action.messages, true);
      return {
        ...next,
        hasOlder: action.mode === "newer" ? timeline.hasOlder : action.hasOlder,
        hasNewer: action.mode === "older" ? timeline.hasNewer : action.hasNewer,
      };
    }
    case "upsert":
      return withMessages(timeline, action.messages, true);
    case "envelope": {
      if (timeline.hasNewer || timeline.bySeq.has(action.envelope.seq)) return timeline;
      return withMessages(timeline, [messageFromEnvelope(action.envelope, action.sender)], false);
    }
    case "edited":
      return updateAt(timeline, action.seq, (message) => ({ ...message, body: action.body, editedAt: action.editedAt, linkPreview: action.linkPreview }));
    case "deleted":
      return updateAt(timeline, action.seq, (message) => ({ ...message, body: "", attachments: [], reactions: [], pinned: false, deletedAt: action.deletedAt }));
    case "reaction": {
      const { event, myId } = action;
      const reactions = event.reactions.map((reaction) => ({ ...reaction, mine: reaction.userIds.includes(myId) || (event.userId === myId ? reaction.mine : false) }));
      return updateAt(timeline, event.seq, (message) => ({ ...message, reactions }));
    }
    case "pinned":
      return updateAt(timeline, action.seq, (message) => ({ ...message, pinned: action.pinned }));
    case "thread":
      // Events of concurrent replies can arrive out of order: the higher count is the newer state.
      return updateAt(timeline, action.seq, (message) =>
        message.threadReplyCount >= action.threadReplyCount
          ? message
          : { ...message, threadReplyCount: action.threadReplyCount, threadLastReplyAt: action.threadLastReplyAt },
      );
    case "link-preview": {
      const current = timeline.bySeq.get(action.seq);
      if (current?.deletedAt) return timeline;
      if (current && cardFits(current, action.linkPreview)) return updateAt(timeline, action.seq, (message) => ({ ...message, linkPreview: action.linkPreview }));
      return { ...timeline, earlyCards: new Map(timeline.earlyCards).set(action.seq, action.linkPreview) };
    }
    case "outgoing":
      return { ...timeline, outgoing: [...timeline.outgoing, action.message] };
    case "outgoing-state":
      return {
        ...timeline,
        outgoing: timeline.outgoing.map((message) => (message.clientId === action.clientId ? { ...message, state: action.state, error: action.error } : message)),
      };
    case "outgoing-discard":
      return { ...timeline, outgoing: timeline.outgoing.filter((message) => message.clientId !== action.clientId) };
  }
}

/** Merges messages in; `authoritative` ones (from the server's answers) replace what we had at their seq. */
function withMessages(timeline: Timeline, messages: MessageView[], authoritative: boolean): Timeline {
  if (messages.length === 0) return timeline;
  const bySeq = new Map(timeline.bySeq);
  const earlyCards = new Map(timeline.earlyCards);
  const confirmed = new Set<string>();
  for (const message of messages) {
    const current = bySeq.get(message.seq);
    if (!current || authoritative) {
      bySeq.set(message.seq, withKnownCard(message, [current?.linkPreview, earlyCards.get(message.seq)]));
      earlyCards.delete(message.seq);
    }
    confirmed.add(message.clientId);
  }
  const outgoing = timeline.outgoing.filter((message) => !confirmed.has(message.clientId));
  return { ...timeline, bySeq, outgoing, earlyCards, ...continuity(bySeq) };
}

/** A card is about its message's first link: the answers sent before the card was read lack it, and an edit to another link ends it. */
function cardFits(message: MessageView, card: LinkCard): boolean {
  return !message.deletedAt && firstLinkIn(message.body) === card.url;
}

function withKnownCard(message: MessageView, known: Array<LinkCard | null | undefined>): MessageView {
  if (message.linkPreview) return message;
  const card = known.find((candidate) => candidate && cardFits(message, candidate));
  return card ? { ...message, linkPreview: card } : message;
}

function continuity(bySeq: ReadonlyMap<number, MessageView>): { contiguousUpTo: number; maxSeq: number } {
  if (bySeq.size === 0) return { contiguousUpTo: 0, maxSeq: 0 };
  const seqs = [...bySeq.keys()].sort((a, b) => a - b);
  let contiguousUpTo = seqs[0] ?? 0;
  for (const seq of seqs) {
    if (seq > contiguousUpTo + 1) break;
    contiguousUpTo = seq;
  }
  return { contiguousUpTo, maxSeq: seqs.at(-1) ?? 0 };
}

function updateAt(timeline: Timeline, seq: number, change: (message: MessageView) => MessageView): Timeline {
  const current = timeline.bySeq.get(seq);
  if (!current) return timeline;
  const bySeq = new Map(timeline.bySeq);
  bySeq.set(seq, change(current));
  return { ...timeline, bySeq };
}

/** A short message is shown straight from its realtime envelope; anything the envelope lacks is fetched instead. */
function messageFromEnvelope(envelope: MessageEnvelope, sender: MessageView["sender"]): MessageView {
  return {
    id: envelope.id,
    conversationId: envelope.conversationId,
    seq: envelope.seq,
    senderId: envelope.senderId,
    sender,
    clientId: envelope.clientId,
    body: envelope.preview,
    replyTo: null,
    attachments: [],
    reactions: [],
    pinned: false,
    threadReplyCount: 0,
    threadLastReplyAt: null,
    linkPreview: null,
    editedAt: null,
    deletedAt: null,
    createdAt: new Date(envelope.createdAt),
  };
}

/** Whether an envelope carries the whole message (otherwise fetch it from history). */
export function envelopeIsComplete(envelope: MessageEnvelope): boolean {
  return !envelope.truncated && envelope.attachmentCount === 0 && envelope.replyToId === null;
}

export function orderedMessages(timeline: Timeline): MessageView[] {
  return [...timeline.bySeq.values()].sort((a, b) => a.seq - b.seq);
}
