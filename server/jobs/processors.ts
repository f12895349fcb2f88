import { createHash } from "node:crypto";
import { fanOutPost } from "@/server/feed/timeline/fan-out-post";
import { db } from "@/server/platform/db";
import { notify } from "@/server/platform/notifications";
import { postSignedEvent } from "@/server/platform/payments/simulator/deliver-simulator-event";
import type { JobName, JobPayloads } from "@/server/platform/queue";
import { redis } from "@/server/platform/redis";

/** Which job a run belongs to (BullMQ's job id and creation time): the same for every attempt of one job. */
export type JobIdentity = { id?: string; timestamp: number };

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
};

/** The job id alone could repeat after Redis lost its data (ids count from 1 again); with the creation time it cannot. */
function notificationIdFor(job: JobIdentity): string {
  return `job_${createHash("sha256").update(`send-notification:${job.id}:${job.timestamp}`).digest("base64url").slice(0, 24)}`;
}
