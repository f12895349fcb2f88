import { createHash } from "node:crypto";
import { attachLinkPreview } from "@/server/chat/link-previews/attach-link-preview";
import { env } from "@/server/env";
import { removeUnpostedImages } from "@/server/feed/media/remove-unposted-images";
import { fanOutPost } from "@/server/feed/timeline/fan-out-post";
import { refreshLinkPreview } from "@/server/links/preview/refresh-link-preview";
import { db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import { notify } from "@/server/platform/notifications";
import { postSignedEvent } from "@/server/platform/payments/simulator/deliver-simulator-event";
import type { JobName, JobPayloads, RepeatingJobName } from "@/server/platform/queue";
import { redis } from "@/server/platform/redis";
import { expireOffer } from "@/server/rides/matching/expire-offer";
import { matchTrip } from "@/server/rides/matching/match-trip";
import { storage } from "@/server/platform/storage";
import { backfillStoryboards } from "@/server/videos/storyboards/backfill-storyboards";
import { transcodeVideo } from "@/server/videos/transcode-video";

const log = logger.child({ module: "jobs" });

/**
 * Which job a run belongs to (BullMQ's job id and creation time): the same for every attempt of one job.
 * With the attempts made before this one and allowed in all, a processor that records a final failure
 * (a video's "failed") does so on the last try; a job without them is its one and only try.
 */
export type JobIdentity = { id?: string; timestamp: number; attemptsMade?: number; opts?: { attempts?: number } };

/**
 * What the worker does for each job name; the compiler insists every job has one.
 * A worker can die after a job's effect and before the job is marked done, and
 * the job then runs again: each processor makes its effect happen once.
 */
export const processors: { [Name in JobName]: (data: JobPayloads[Name], job: JobIdentity) => Promise<void> } = {
  // One notification row per job (its id comes from the job's identity).
  "send-notification": async ({ userId, kind, payload }, job) => {
    await notify({ db, id: notificationIdFor(job), userId, kind, payload });
  },
  // The webhook route applies an event once, by event id (Stripe's own redelivery rule).
  "deliver-payment-event": async ({ event }) => {
    await postSignedEvent(event);
  },
  // Re-adding a post to a timeline is a no-op (same member, same score).
  "feed-fanout": async ({ postId }) => {
    await fanOutPost({ db, redis, postId: BigInt(postId) });
  },
  // Deletes only rows still unposted and past the day, so a repeat finds nothing more to do.
  "feed-unposted-image-sweep": async () => {
    const removed = await removeUnpostedImages({ db, storage });
    if (removed > 0) log.info({ removed }, "removed unposted feed pictures");
  },
  // Writes the card only while the link still points where it was read from.
  "links-preview": async ({ linkId }) => {
    await refreshLinkPreview({ db, linkId });
  },
  // A message that has its card is only pushed again (attach-link-preview.ts).
  "chat-link-preview": async (target) => {
    await attachLinkPreview({ db, redis, target });
  },
  // Starts from scratch on every attempt, and publishes only once (transcode-video.ts).
  "transcode-video": async ({ videoId }, job) => {
    await transcodeVideo({ db, storage, videoId, finalAttempt: isFinalAttempt(job) });
  },
  // Only ready videos still without a storyboard, each flagged once it has one: a rerun finds nothing left.
  "video-storyboard-backfill": async () => {
    await backfillStoryboards({ db, storage });
  },
  // Does nothing while an offer is out or once the trip has a driver (match-trip.ts).
  "rides-match": async ({ tripId }) => {
    await matchTrip({ db, redis, tripId });
  },
  // Only a still-pending offer expires; accept, decline and expiry race on one conditional update.
  "rides-offer-expiry": async ({ offerId }) => {
    await expireOffer({ db, redis, offerId });
  },
};

/** Jobs the worker repeats on a clock, with their interval; the worker schedules them at start (scheduleRepeatingJob). */
export const REPEATING: ReadonlyArray<{ name: RepeatingJobName; everyMs: number }> = [
  // A picture unposted for a day goes within the hour after.
  { name: "feed-unposted-image-sweep", everyMs: 60 * 60 * 1000 },
];

/** Jobs run at once per worker process and queue; transcoding is CPU-bound (each ffmpeg run takes every core). */
export const CONCURRENCY: { [Name in JobName]?: number } = {
  "transcode-video": env.VIDEO_TRANSCODE_CONCURRENCY,
  // One older video at a time, beside the uploads being transcoded.
  "video-storyboard-backfill": 1,
};

function isFinalAttempt(job: JobIdentity): boolean {
  return (job.attemptsMade ?? 0) + 1 >= (job.opts?.attempts ?? 1);
}

/** The job id alone could repeat after Redis lost its data (ids count from 1 again); with the creation time it cannot. */
function notificationIdFor(job: JobIdentity): string {
  return `job_${createHash("sha256").update(`send-notification:${job.id}:${job.timestamp}`).digest("base64url").slice(0, 24)}`;
}
