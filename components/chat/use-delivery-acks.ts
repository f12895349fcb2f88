"use client";

import { useCallback, useEffect, useRef } from "react";
import { useTRPCClient } from "@/components/trpc/client";
import { describeError } from "./send-errors";

const BATCH_MS = 300;

/**
 * Acknowledges received messages in batches: the highest seq per
 * conversation, at most one request per 300 ms, whatever the traffic.
 */
export function useDeliveryAcks(): (conversationId: string, seq: number) => void {
  const client = useTRPCClient();
  const pending = useRef(new Map<string, number>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  return useCallback(
    (conversationId: string, seq: number) => {
      pending.current.set(conversationId, Math.max(seq, pending.current.get(conversationId) ?? 0));
      if (timer.current !== undefined) return;
      timer.current = setTimeout(() => {
        timer.current = undefined;
        const items = [...pending.current].map(([id, highest]) => ({ conversationId: id, seq: highest })).slice(0, 100);
        for (const item of items) pending.current.delete(item.conversationId);
        if (items.length === 0) return;
        client.chat.markDelivered.mutate({ items }).catch((error: unknown) => {
          // Lost acks come back with the next message or reload; the sender just sees ✓ a little longer.
          console.warn(`Could not acknowledge delivery: ${describeError(error)}`);
        });
      }, BATCH_MS);
    },
    [client],
  );
}
