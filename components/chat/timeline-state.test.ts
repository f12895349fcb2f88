import { describe, expect, it } from "vitest";
import type { MessageEnvelope, MessageView, OutgoingMessage } from "./chat-types";
import { EMPTY_TIMELINE, envelopeIsComplete, orderedMessages, timelineReducer, type Timeline, type TimelineAction } from "./timeline-state";

/** The browser's chat timeline, action by action, as use-conversation-timeline.ts drives it. */

const SENDER = { id: "u1", name: "Ada", username: "ada", image: null };

function message(seq: number, body = `message ${seq}`): MessageView {
  return {
    id: `m${seq}`,
    conversationId: "c1",
    seq,
    senderId: SENDER.id,
    sender: SENDER,
    clientId: `client-${seq}`,
    body,
    replyTo: null,
    attachments: [],
    reactions: [],
    pinned: false,
    threadReplyCount: 0,
    threadLastReplyAt: null,
    linkPreview: null,
    editedAt: null,
    deletedAt: null,
    createdAt: new Date(1_700_000_000_000 + seq * 1_000),
  };
}

function envelope(seq: number, overrides: Partial<MessageEnvelope> = {}): MessageEnvelope {
  return {
    conversationId: "c1",
    id: `m${seq}`,
    seq,
    senderId: SENDER.id,
    senderName: SENDER.name,
    clientId: `client-${seq}`,
    preview: `message ${seq}`,
    truncated: false,
    attachmentCount: 0,
    replyToId: null,
    createdAt: new Date(1_700_000_000_000 + seq * 1_000).toISOString(),
    ...overrides,
  };
}

const live = (seq: number, overrides: Partial<MessageEnvelope> = {}): TimelineAction => ({ type: "envelope", envelope: envelope(seq, overrides), sender: SENDER });
const page = (seqs: number[], mode: "replace" | "older" | "newer", { hasOlder = false, hasNewer = false } = {}): TimelineAction => ({
  type: "page",
  mode,
  messages: seqs.map((seq) => message(seq)),
  hasOlder,
  hasNewer,
});

function apply(actions: TimelineAction[], from: Timeline = EMPTY_TIMELINE): Timeline {
  return actions.reduce(timelineReducer, from);
}

const seqs = (timeline: Timeline) => orderedMessages(timeline).map((held) => held.seq);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

describe("timelineReducer", () => {
  it("opens a gap when a seq is skipped and closes it when history fills the hole", () => {
    const loaded = apply([page([1, 2, 3], "replace")]);
    expect(loaded).toMatchObject({ contiguousUpTo: 3, maxSeq: 3 });

    const gapped = apply([live(4), live(7)], loaded);
    expect(gapped).toMatchObject({ contiguousUpTo: 4, maxSeq: 7 });
    expect(seqs(gapped)).toEqual([1, 2, 3, 4, 7]);

    // The catch-up fetches `after = contiguousUpTo`, as the hook does.
    const filled = apply([page([5, 6, 7], "newer")], gapped);
    expect(filled).toMatchObject({ contiguousUpTo: 7, maxSeq: 7, hasNewer: false });
    expect(seqs(filled)).toEqual(range(1, 7));
  });

  it("holds each message once, however often and by whichever path it arrives", () => {
    const timeline = apply([page([1, 2], "replace"), live(3), live(3), page([2, 3], "newer"), live(2), { type: "upsert", messages: [message(3)] }]);
    expect(seqs(timeline)).toEqual([1, 2, 3]);
    expect(orderedMessages(timeline).map((held) => held.id)).toEqual(["m1", "m2", "m3"]);

    // A live envelope never overwrites what the server answered for that seq (an edit the envelope predates, say).
    const edited = apply([{ type: "upsert", messages: [{ ...message(3), body: "edited", editedAt: new Date() }] }, live(3)], timeline);
    expect(edited.bySeq.get(3)?.body).toBe("edited");
  });

  it("replaces my outgoing message with the confirmed one, whichever arrives first", () => {
    const outgoing: OutgoingMessage = { clientId: "client-3", conversationId: "c1", body: "message 3", replyTo: null, attachments: [], createdAt: new Date(), state: "sending" };
    const sent = apply([page([1, 2], "replace"), { type: "outgoing", message: outgoing }]);
    expect(sent.outgoing).toHaveLength(1);

    const viaEcho = apply([live(3)], sent);
    expect(viaEcho.outgoing).toEqual([]);
    expect(seqs(viaEcho)).toEqual([1, 2, 3]);

    const viaAnswer = apply([{ type: "upsert", messages: [message(3)] }, live(3)], sent);
    expect(viaAnswer.outgoing).toEqual([]);
    expect(seqs(viaAnswer)).toEqual([1, 2, 3]);
  });

  it("shows messages in seq order whatever order they arrive in", () => {
    const loaded = apply([page([1, 2], "replace")]);
    const afterFive = apply([live(5)], loaded);
    expect(afterFive).toMatchObject({ contiguousUpTo: 2, maxSeq: 5 });
    const afterThree = apply([live(3)], afterFive);
    expect(afterThree).toMatchObject({ contiguousUpTo: 3, maxSeq: 5 });
    const all = apply([live(4)], afterThree);
    expect(all).toMatchObject({ contiguousUpTo: 5, maxSeq: 5 });
    expect(seqs(all)).toEqual(range(1, 5));
  });

  it("resyncs: a fresh newest page keeps live messages newer than itself and drops nothing it covers", () => {
    // Live messages 6 and 7 arrived while the reload (after a reconnect) was in flight.
    const before = apply([page([1, 2, 3], "replace"), live(6), live(7)]);
    const reloaded = apply([page([3, 4, 5], "replace", { hasOlder: true })], before);
    expect(seqs(reloaded)).toEqual([3, 4, 5, 6, 7]);
    expect(reloaded).toMatchObject({ contiguousUpTo: 7, maxSeq: 7, hasOlder: true, hasNewer: false });

    // Older pages prepend without disturbing the live end.
    const scrolled = apply([page([1, 2], "older")], reloaded);
    expect(seqs(scrolled)).toEqual(range(1, 7));
    expect(scrolled).toMatchObject({ hasOlder: false, hasNewer: false });
  });

  it("ignores live messages while it holds a window in the past, and takes them again once caught up", () => {
    const jumped = apply([page([10, 11, 12], "replace", { hasOlder: true, hasNewer: true })]);
    const ignored = apply([live(40)], jumped);
    expect(ignored).toBe(jumped);

    const caughtUp = apply([page(range(13, 40), "newer")], ignored);
    expect(caughtUp).toMatchObject({ hasNewer: false, contiguousUpTo: 40 });
    expect(seqs(apply([live(41)], caughtUp)).at(-1)).toBe(41);
  });

  it("applies edits, deletions and reactions to the message at their seq, and nothing to a seq it does not hold", () => {
    const timeline = apply([page([1, 2], "replace")]);
    const editedAt = new Date();
    const edited = apply([{ type: "edited", seq: 2, body: "changed", editedAt, linkPreview: null }], timeline);
    expect(edited.bySeq.get(2)).toMatchObject({ body: "changed", editedAt });

    const deleted = apply([{ type: "deleted", seq: 2, deletedAt: editedAt }], edited);
    expect(deleted.bySeq.get(2)).toMatchObject({ body: "", deletedAt: editedAt, attachments: [] });
    expect(seqs(deleted)).toEqual([1, 2]);

    const reacted = apply(
      [{ type: "reaction", myId: "me", event: { conversationId: "c1", messageId: "m1", seq: 1, userId: "me", emoji: "👍", added: true, reactions: [{ emoji: "👍", count: 1, userIds: ["me"], mine: true }] } }],
      deleted,
    );
    expect(reacted.bySeq.get(1)?.reactions).toEqual([{ emoji: "👍", count: 1, userIds: ["me"], mine: true }]);

    expect(apply([{ type: "edited", seq: 9, body: "x", editedAt, linkPreview: null }], timeline)).toBe(timeline);
  });

  it("shows a link's card whichever comes first, the card or the message, and keeps it through answers sent before it", () => {
    const card = { url: "https://trails.example/ridge", title: "Ridge trail", description: null, image: null };
    const withLink = { ...message(3), body: "Tomorrow: https://trails.example/ridge" };

    // The sender: no envelope on their own socket, and the worker's card beats the send's answer.
    const early = apply([{ type: "link-preview", seq: 3, linkPreview: card }]);
    expect(early.bySeq.size).toBe(0);
    const answered = apply([{ type: "upsert", messages: [withLink] }], early);
    expect(answered.bySeq.get(3)?.linkPreview).toEqual(card);
    expect(answered.earlyCards.size).toBe(0);

    // An answer read before the card was stored does not take it away.
    expect(apply([{ type: "upsert", messages: [withLink] }], answered).bySeq.get(3)?.linkPreview).toEqual(card);
    // An edit that keeps the link keeps the card; one to another link, or none, ends it.
    const editedAt = new Date();
    expect(apply([{ type: "upsert", messages: [{ ...withLink, body: "Sunday: https://trails.example/ridge", editedAt }] }], answered).bySeq.get(3)?.linkPreview).toEqual(card);
    expect(apply([{ type: "upsert", messages: [{ ...withLink, body: "Sunday: https://lakes.example/", editedAt }] }], answered).bySeq.get(3)?.linkPreview).toBeNull();
    expect(apply([{ type: "upsert", messages: [{ ...withLink, body: "no link now", editedAt }] }], answered).bySeq.get(3)?.linkPreview).toBeNull();
    // A card about another link than the message's waits instead of showing under the wrong text.
    expect(apply([{ type: "link-preview", seq: 3, linkPreview: { ...card, url: "https://lakes.example/" } }], answered).bySeq.get(3)?.linkPreview).toEqual(card);
  });

  it("raises a parent's thread count and last reply time, never lowers them (replies' events can cross)", () => {
    const timeline = apply([page([1, 2], "replace")]);
    const [early, late] = [new Date(Date.UTC(2026, 11, 7, 3, 0)), new Date(Date.UTC(2026, 11, 7, 3, 1))];
    const second = apply([{ type: "thread", seq: 2, threadReplyCount: 2, threadLastReplyAt: late }], timeline);
    expect(second.bySeq.get(2)).toMatchObject({ threadReplyCount: 2, threadLastReplyAt: late });
    const crossed = apply([{ type: "thread", seq: 2, threadReplyCount: 1, threadLastReplyAt: early }], second);
    expect(crossed.bySeq.get(2)).toMatchObject({ threadReplyCount: 2, threadLastReplyAt: late });
    expect(crossed.bySeq.get(1)).toMatchObject({ threadReplyCount: 0, threadLastReplyAt: null });
  });

  it("says when an envelope cannot stand in for the message", () => {
    expect(envelopeIsComplete(envelope(1))).toBe(true);
    expect(envelopeIsComplete(envelope(1, { truncated: true }))).toBe(false);
    expect(envelopeIsComplete(envelope(1, { attachmentCount: 1 }))).toBe(false);
    expect(envelopeIsComplete(envelope(1, { replyToId: "m0" }))).toBe(false);
  });
});
