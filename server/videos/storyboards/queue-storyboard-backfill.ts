import { enqueue } from "@/server/platform/queue";

/** One job id for every worker: while a backfill waits, runs, or is kept as done (an hour), starting another worker adds none. */
const BACKFILL_JOB_ID = "video-storyboard-backfill";

/** Queued by the worker at start (server/jobs/worker.ts); the job itself (backfill-storyboards.ts) finds the videos. */
export async function queueStoryboardBackfill(): Promise<void> {
  await enqueue("video-storyboard-backfill", {}, { jobId: BACKFILL_JOB_ID });
}
