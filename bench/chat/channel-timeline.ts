import { performance } from "node:perf_hooks";
import type { MessageEnvelope } from "../../server/chat/chat-views";
import { EMPTY_TIMELINE, envelopeIsComplete, timelineReducer, type Timeline, type TimelineAction } from "../../components/chat/timeline-state";
import { reviveMessage, type WireMessage } from "../../components/chat/wire-message";
import type { Target } from "./target";
import { run } from "./tracker";

export type { MessageEnvelope };

/** How long a hole in the seqs may stay open before history fills it (as the browser's timeline does). */
const GAP_GRACE_MS = 250;
const CATCH_UP_PAGE = 50;
const MAX_CATCH_UP_RETRIES = 5;

/**
 * One client's view of one conversation. The messages it holds are the
 * browser's own timeline state (components/chat/timeline-state.ts, the reducer
 * the chat page runs), driven as components/chat/use-conversation-timeline.ts
 * drives it: a hole (seq > contiguousUpTo + 1) that is still open after
 * GAP_GRACE_MS, or a re-subscription, fetches `GET …/messages?after=<contiguousUpTo>`
 * page by page, retrying a failed fetch. Like the browser, it catches up once
 * the channel is subscribed again (pusher:subscription_succeeded), so nothing
 * committed before the new subscription can be missed.
 */
export class ChannelTimeline {
  private timeline: Timeline = EMPTY_TIMELINE;
  /** Live arrivals as they came, before the timeline orders them: what duplicates and reordering are counted on. */
  private readonly seenLive = new Set<number>();
  private maxLive = 0;
  private gapTimer: NodeJS.Timeout | undefined;
  private catchingUp = false;
  private again = false;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private caughtUpAt = 0;
  constructor(
    private readonly target: Target,
    private readonly cookie: string,
    readonly conversationId: string,
  ) {}

  holds(seq: number): boolean {
    return this.timeline.bySeq.has(seq);
  }
  contiguousSeq(): number {
    return this.timeline.contiguousUpTo;
  }
  highestSeq(): number {
    return this.timeline.maxSeq;
  }
  /** When the last catch-up's last page came back. */
  lastCatchUp(): number {
    return this.caughtUpAt;
  }

  live(data: MessageEnvelope) {
    if (this.seenLive.has(data.seq)) {
      run.duplicates++;
      return;
    }
    this.seenLive.add(data.seq);
    if (data.seq < this.maxLive) run.reordered++;
    this.maxLive = Math.max(this.maxLive, data.seq);
    // As the browser: a whole message is shown from its envelope; one the envelope lacks parts of is fetched.
    if (envelopeIsComplete(data)) {
      this.dispatch({ type: "envelope", envelope: data, sender: { id: data.senderId, name: data.senderName, username: null, image: null } }, false);
    } else {
      void this.catchUp();
    }
  }

  resubscribed() {
    run.resubscriptions.count++;
    run.resubscriptions.last = performance.now();
    void this.catchUp();
  }

  /** Applies one action to the timeline; each message it newly holds counts as received (by history or live). */
  private dispatch(action: TimelineAction, viaHistory: boolean) {
    const before = this.timeline;
    this.timeline = timelineReducer(before, action);
    const arrived = action.type === "envelope" ? [action.envelope] : action.type === "page" ? action.messages : [];
    for (const message of arrived) {
      if (!before.bySeq.has(message.seq) && this.timeline.bySeq.has(message.seq)) run.tracker.receive(message.clientId, viaHistory);
    }
    const { maxSeq, contiguousUpTo, hasNewer } = this.timeline;
    if (maxSeq > contiguousUpTo && !hasNewer && !this.gapTimer) {
      this.gapTimer = setTimeout(() => {
        this.gapTimer = undefined;
        if (this.timeline.maxSeq > this.timeline.contiguousUpTo) void this.catchUp();
      }, GAP_GRACE_MS);
    }
  }

  private async catchUp(): Promise<void> {
    if (this.catchingUp) {
      this.again = true;
      return;
    }
    this.catchingUp = true;
    try {
      do {
        this.again = false;
        let after = this.timeline.contiguousUpTo;
        for (;;) {
          run.historyFetches++;
          // The browser's catch-up path (components/chat/fetch-history-after.ts).
          const response = await fetch(`${this.target.webUrl}/api/chat/conversations/${this.conversationId}/messages?after=${after}&limit=${CATCH_UP_PAGE}`, {
            headers: { cookie: this.cookie },
          });
          if (!response.ok) throw new Error(`history ${response.status}`);
          const page = (await response.json()) as { messages: WireMessage[]; hasOlder: boolean; hasNewer: boolean };
          const messages = page.messages.map(reviveMessage);
          this.dispatch({ type: "page", mode: "newer", messages, hasOlder: page.hasOlder, hasNewer: page.hasNewer }, true);
          const last = messages.at(-1)?.seq;
          if (!page.hasNewer || last === undefined) break;
          after = last;
        }
      } while (this.again);
      this.failures = 0;
      this.caughtUpAt = performance.now();
    } catch {
      run.historyErrors++;
      // As the browser does: try again with a growing pause while the hole stays open.
      if (this.failures < MAX_CATCH_UP_RETRIES && !this.retryTimer) {
        const delay = 500 * 2 ** this.failures++;
        this.retryTimer = setTimeout(() => {
          this.retryTimer = undefined;
          void this.catchUp();
        }, delay);
      }
    } finally {
      this.catchingUp = false;
    }
  }
}
