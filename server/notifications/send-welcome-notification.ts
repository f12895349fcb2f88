import { enqueue } from "@/server/platform/queue";

/**
 * Queues the "welcome" notification for a new account. Called after sign-up;
 * the worker stores and pushes it. The job id makes a repeated call (a retried
 * sign-up hook) a no-op while the first job is still known to the queue.
 */
export async function sendWelcomeNotification(userId: string): Promise<void> {
  await enqueue("send-notification", { userId, kind: "welcome", payload: {} }, { jobId: `welcome-${userId}` });
}
