import type Pusher from "pusher-js";

export type ReconnectSchedule = {
  /** The first fresh attempt comes this long after the connection started (re)connecting; each further one waits `growth` times longer. */
  firstDelayMs: number;
  growth: number;
  maxDelayMs: number;
};

/**
 * 1 s, 1.5 s, 2.3 s, 3.4 s, 5.1 s, 7.6 s, then every 10 s; each one 25 % shorter
 * or longer at random, so a crowd of browsers does not come back in step.
 */
export const DEFAULT_RECONNECT_SCHEDULE: ReconnectSchedule = { firstDelayMs: 1_000, growth: 1.5, maxDelayMs: 10_000 };

/**
 * Why a realtime connection came back only ~16 s after its gateway restarted:
 * pusher-js 8's default strategy (src/runtimes/{web,isomorphic}/default_strategy.ts)
 * runs the WebSocket transport in a SequentialStrategy `{ loop: true, timeout:
 * 15000, timeoutLimit: 60000 }` without `failFast`, so a refused connection does
 * not end its attempt: the next attempt starts only when the attempt's timer
 * runs out, after 15 s, then 30 s, then every 60 s. After a drop the connection
 * manager tries once a second later (retryIn(1000)); a gateway that takes longer
 * than that to come back (a supervised restart takes 1-2 s) is missed, and
 * found again 15 s later — after a long outage, up to a minute late.
 * pusher-js offers no option for these timeouts.
 *
 * While the connection is not up, this starts a fresh attempt (disconnect,
 * connect: channels stay registered and are subscribed again on "connected")
 * on its own schedule, so a restarted gateway is found within a few seconds.
 * Each attempt is one WebSocket connection, refused at once by a host whose
 * gateway is down, and attempts thin out to one per 7.5-12.5 s, so a gateway
 * that stays down is not hammered. An attempt still under way is cut short by
 * the next one; the growing delays give a slow network the time it needs.
 * Returns a function that stops it.
 */
export function reconnectPromptly(pusher: Pusher, schedule: ReconnectSchedule = DEFAULT_RECONNECT_SCHEDULE, random: () => number = Math.random): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempts = 0;
  let restarting = false;

  const nextDelay = () => Math.min(schedule.firstDelayMs * schedule.growth ** attempts, schedule.maxDelayMs) * (0.75 + random() / 2);
  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
    attempts = 0;
  };
  const attemptAgain = () => {
    restarting = true;
    try {
      pusher.disconnect();
      pusher.connect();
    } finally {
      restarting = false;
    }
    attempts += 1;
    timer = setTimeout(attemptAgain, nextDelay());
  };
  const onStateChange = ({ current }: { current: string }) => {
    if (restarting) return;
    // "connecting" / "unavailable": pusher-js is trying on its own timers. "connected", or stopped on purpose ("disconnected", "failed"): nothing to do.
    if (current === "connecting" || current === "unavailable") timer ??= setTimeout(attemptAgain, nextDelay());
    else cancel();
  };

  pusher.connection.bind("state_change", onStateChange);
  onStateChange({ current: pusher.connection.state }); // already connecting when created
  return () => {
    pusher.connection.unbind("state_change", onStateChange);
    cancel();
  };
}
