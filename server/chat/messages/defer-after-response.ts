import { after } from "next/server";
import { chatLog } from "../publish-chat-events";
import type { Defer } from "./send-message";

/**
 * Runs work the sender need not wait for after the response where Next
 * provides `after`; outside a Next request (the self-hosted fast path,
 * tests, scripts) it runs detached.
 */
export const deferAfterResponse: Defer = (task) => {
  const run = () => task().catch((error: unknown) => chatLog.warn({ err: error instanceof Error ? error.message : String(error) }, "deferred chat task failed"));
  try {
    after(run);
  } catch {
    void run();
  }
};
