import "server-only";
import type { JobsOptions, Queue } from "bullmq";
import type { StripeEventJson } from "./payments/simulator/stripe-objects";
import { createRedis, type Redis } from "./redis";

/**
 * Every background job, its payload type, in one table. A queue per job name
 * keeps slow work (transcoding) from delaying fast work (notifications), and
 * lets each be scaled by its own worker count.
 */
export type JobPayloads = {
  "send-notification": { userId: string; kind: string; payload: Record<string, unknown> };
  /** The checkout simulator's events on their way to the webhook route (retried like Stripe's). */
  "deliver-payment-event": { event: StripeEventJson };
  /** Feed: puts a new post into its author's followers' home timelines (server/feed/timeline/fan-out-post.ts). */
  "feed-fanout": { postId: string };
  /** Links: reads a link's destination page for its card (server/links/preview/refresh-link-preview.ts). */
  "links-preview": { linkId: string };
  /** A stored upload on its way to an HLS ladder (server/videos/transcode-video.ts). */
  "transcode-video": { videoId: string };
  /** Storyboards for ready videos transcoded before the job made them, queued at worker start (server/videos/storyboards/). */
  "video-storyboard-backfill": Record<string, never>;
  /** Rides: offers a trip to the best available driver, or says no driver is available (server/rides/matching/match-trip.ts). */
  "rides-match": { tripId: string };
  /** Rides: an offer's deadline; still unanswered, it expires and the trip goes to the next driver. */
  "rides-offer-expiry": { offerId: string };
  /** Chat: reads the card of the first link of a new or edited message, or of a thread reply (server/chat/link-previews/attach-link-preview.ts). */
  "chat-link-preview": { messageId: string } | { replyId: string };
  /** Feed: removes pictures left unposted for a day, everyone's (server/feed/media/remove-unposted-images.ts); repeated hourly. */
  "feed-unposted-image-sweep": Record<string, never>;
};
export type JobName = keyof JobPayloads;
/** Jobs that take no payload: the ones a clock can start. */
export type RepeatingJobName = { [Name in JobName]: Record<string, never> extends JobPayloads[Name] ? Name : never }[JobName];

export const JOB_PREFIX = "casebook:jobs";

const DEFAULT_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: "exponential", delay: 1_000 },
  removeOnComplete: { age: 3600, count: 1000 },
  removeOnFail: { age: 24 * 3600 },
};

const holder = globalThis as typeof globalThis & { casebookQueues?: Map<JobName, Queue>; casebookQueueRedis?: Redis };

async function queueFor(name: JobName): Promise<Queue> {
  const existing = holder.casebookQueues?.get(name);
  if (existing) return existing;
  // BullMQ is loaded by the first enqueue rather than when the web process starts: its modules take
  // 0.5-1.6 s to load on a busy machine, and no request a restarted web process answers first needs them.
  const { Queue } = await import("bullmq");
  holder.casebookQueues ??= new Map();
  let queue = holder.casebookQueues.get(name);
  if (!queue) {
    holder.casebookQueueRedis ??= createRedis();
    queue = new Queue(name, { connection: holder.casebookQueueRedis, prefix: JOB_PREFIX });
    holder.casebookQueues.set(name, queue);
  }
  return queue;
}

export async function enqueue<Name extends JobName>(name: Name, data: JobPayloads[Name], options: JobsOptions = {}): Promise<void> {
  await (await queueFor(name)).add(name, data, { ...DEFAULT_OPTIONS, ...options });
}

/**
 * Has `name` run every `everyMs` from now on, once per interval however many workers call this (a BullMQ job
 * scheduler, kept in Redis under a fixed id: calling again, as every worker start does, updates it in place).
 */
export async function scheduleRepeatingJob(name: RepeatingJobName, everyMs: number): Promise<void> {
  await (await queueFor(name)).upsertJobScheduler(name, { every: everyMs }, { name, data: {}, opts: DEFAULT_OPTIONS });
}

/** Closes the queues this process opened and their connection: a short-lived script (the seed) that enqueued can then exit. */
export async function closeQueues(): Promise<void> {
  for (const queue of holder.casebookQueues?.values() ?? []) await queue.close();
  holder.casebookQueues?.clear();
  holder.casebookQueueRedis?.disconnect();
  holder.casebookQueueRedis = undefined;
}
