"use client";

import type { ReactNode } from "react";
import { z } from "zod";
import { RealtimeProvider } from "@/components/realtime/realtime-provider";
import { TRPCReactProvider } from "@/components/trpc/client";
import { ToastProvider } from "@/components/ui/toast";
import type { ClientRealtimeConfig } from "@/server/platform/realtime";

// Zod probes for eval (`Function("")`) to compile faster parsers; the pages' CSP forbids eval, so the probe
// would be reported as a violation on every page that validates a form. Interpreted parsing is fast enough here.
if (typeof window !== "undefined") z.config({ jitless: true });

/**
 * Everything client components need from above: React Query + tRPC, the tab's
 * realtime connection (opened lazily, on the first subscription) and toasts.
 */
export function Providers({ realtimeConfig, children }: { realtimeConfig?: ClientRealtimeConfig; children: ReactNode }) {
  return (
    <TRPCReactProvider>
      <RealtimeProvider config={realtimeConfig}>
        <ToastProvider>{children}</ToastProvider>
      </RealtimeProvider>
    </TRPCReactProvider>
  );
}
