import { db } from "@/server/platform/db";
import { notify } from "@/server/platform/notifications";
import { postSignedEvent } from "@/server/platform/payments/simulator/deliver-simulator-event";
import type { JobName, JobPayloads } from "@/server/platform/queue";

/** What the worker does for each job name; the compiler insists every job has one. */
export const processors: { [Name in JobName]: (data: JobPayloads[Name]) => Promise<void> } = {
  "send-notification": async ({ userId, kind, payload }) => {
    await notify({ db, userId, kind, payload });
  },
  "deliver-payment-event": async ({ event }) => {
    await postSignedEvent(event);
  },
};
