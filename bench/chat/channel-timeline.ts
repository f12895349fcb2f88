import { performance } from "node:perf_hooks";
import type { Target } from "./target";
import { run } from "./tracker";

export type MessageEnvelope = { conversationId: string; seq: number; clientId: string };

/** How long a hole in the seqs may stay open before history fills it (as the browser's timeline does). */
const GAP_GRACE_MS = 250;
const CATCH_UP_PAGE = 50;
const MAX_CATCH_UP_RETRIES = 5;

/**
 * One client's view of one conversation, mirroring components/chat/use-conversation-timeline.ts:
 * messages are held by seq; a hole (seq > contiguous + 1) that is still open after
 * GAP_GRACE_MS, or a re-subscription, fetches `GET …/messages?after=<contiguous>` page by
 * page, retrying a failed fetch. Like the browser, it catches up once the channel is
 * subscribed again (pusher:subscription_succeeded), so nothing committed before the new
 * subscription can be missed.
 */
export class ChannelTimeline {
  private readonly seen = new Set<number>();
  private readonly seenLive = new Set<number>();
  private maxLive = 0;
  private contiguous = 0;
  private maxSeq = 0;
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
    return this.seen.has(seq);
  }
  contiguousSeq(): number {
    return this.contiguous;
  }
  highestSeq(): number {
    return this.maxSeq;
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
    this.hold(data.seq, data.clientId, false);
  }

  resubscribed() {
    run.resubscriptions.count++;
    run.resubscriptions.last = performance.now();
    void this.catchUp();
  }

  private hold(seq: number, clientId: string, viaHistory: boolean) {
    if (this.seen.has(seq)) return;
    this.seen.add(seq);
    this.maxSeq = Math.max(this.maxSeq, seq);
    while (this.seen.has(this.contiguous + 1)) this.contiguous++;
    run.tracker.receive(clientId, viaHistory);
    if (this.maxSeq > this.contiguous && !this.gapTimer) {
      this.gapTimer = setTimeout(() => {
        this.gapTimer = undefined;
        if (this.maxSeq > this.contiguous) void this.catchUp();
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
        let after = this.contiguous;
        for (;;) {
          run.historyFetches++;
          // The browser's catch-up path (components/chat/fetch-history-after.ts).
          const response = await fetch(`${this.target.webUrl}/api/chat/conversations/${this.conversationId}/messages?after=${after}&limit=${CATCH_UP_PAGE}`, {
            headers: { cookie: this.cookie },
          });
          if (!response.ok) throw new Error(`history ${response.status}`);
          const page = (await response.json()) as { messages: Array<{ seq: number; clientId: string }>; hasNewer: boolean };
          for (const message of page.messages) this.hold(message.seq, message.clientId, true);
          const last = page.messages.at(-1)?.seq;
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
