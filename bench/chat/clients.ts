import { performance } from "node:perf_hooks";
import PusherClient from "pusher-js";
import { ChannelTimeline, type MessageEnvelope } from "./channel-timeline";
import type { Seeded } from "./data-set";
import { app, log } from "./settings";
import type { Target } from "./target";
import { countSubscriptionFailure, run } from "./tracker";

type RawEvent = { k: string };

/**
 * Connects one official pusher-js (Node build) client per user in [from, to), 25 at a time, each
 * subscribing to `private-chat-<id>` of its conversations through the app's own
 * `/api/realtime/auth` with the user's session cookie, and holding a ChannelTimeline per channel.
 */
export async function connectClients(target: Target, seeded: Seeded, from: number, to: number, options: { explainLosses?: boolean } = {}): Promise<PusherClient[]> {
  const channelsOf: string[][] = seeded.userIds.map(() => []);
  for (const conversation of seeded.conversations) for (const member of conversation.members) channelsOf[member]?.push(`private-chat-${conversation.id}`);
  const clients: PusherClient[] = [];
  let authFailures = 0;
  const connectOne = async (index: number) => {
    const cookie = seeded.cookies[index] ?? "";
    const client = new PusherClient(app.key, {
      cluster: "",
      wsHost: "127.0.0.1",
      wsPort: target.gatewayPort,
      forceTLS: false,
      enabledTransports: ["ws"],
      disableStats: true,
      channelAuthorization: {
        endpoint: `${target.webUrl}/api/realtime/auth`,
        transport: "ajax",
        // The app's own endpoint with the member's session cookie, through fetch (pusher-js's Node XHR shim is slow).
        customHandler: ({ socketId, channelName }, callback) => {
          fetch(`${target.webUrl}/api/realtime/auth`, {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded", cookie },
            body: new URLSearchParams({ socket_id: socketId, channel_name: channelName }).toString(),
          })
            .then(async (response) => {
              if (!response.ok) throw new Error(`auth answered ${response.status}`);
              callback(null, (await response.json()) as { auth: string });
            })
            .catch((error: unknown) => {
              authFailures++;
              countSubscriptionFailure(describeFailure(error));
              callback(error instanceof Error ? error : new Error(String(error)), null);
            });
        },
      },
    });
    clients.push(client);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`client ${index} did not connect`)), 15_000);
      let connections = 0;
      client.connection.bind("connected", () => {
        clearTimeout(timer);
        if (++connections > 1) {
          run.reconnections.count++;
          run.reconnections.last = performance.now();
          run.reconnections.times.push(run.reconnections.last);
        }
        resolve();
      });
    });
    await Promise.all(
      (channelsOf[index] ?? []).map(
        (name) =>
          new Promise<void>((resolve, reject) => {
            const channel = client.subscribe(name);
            const timeline = new ChannelTimeline(target, cookie, name.slice("private-chat-".length));
            if (options.explainLosses) run.timelines.push(timeline);
            channel.bind("message", (data: MessageEnvelope) => timeline.live(data));
            // The baseline's events have no seq: a key seen twice on this channel is a duplicate.
            const rawSeen = new Set<string>();
            channel.bind("bench-raw", (data: RawEvent) => {
              if (rawSeen.has(data.k)) run.duplicates++;
              else run.tracker.receive(data.k);
              rawSeen.add(data.k);
            });
            const timer = setTimeout(() => reject(new Error(`client ${index} could not subscribe to ${name}`)), 15_000);
            let subscriptions = 0;
            channel.bind("pusher:subscription_succeeded", () => {
              clearTimeout(timer);
              subscriptions++;
              if (subscriptions > 1) timeline.resubscribed();
              resolve();
            });
            channel.bind("pusher:subscription_error", (error: unknown) => {
              clearTimeout(timer);
              // pusher-js does not retry a refused subscription; after the first one, count it (the reason is counted above).
              if (subscriptions === 0) reject(new Error(`subscription to ${name} refused: ${JSON.stringify(error)}`));
            });
          }),
      ),
    );
  };
  const BATCH = 25;
  for (let start = from; start < to; start += BATCH) {
    await Promise.all(Array.from({ length: Math.min(BATCH, to - start) }, (_, offset) => connectOne(start + offset)));
  }
  if (authFailures > 0) log(`  ${authFailures} channel authorizations failed`);
  return clients;
}

function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
  return cause ? `${error.message} (${cause.code ?? cause.message ?? "?"})` : error.message;
}
