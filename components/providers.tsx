"use client";

import type { ReactNode } from "react";
import { config as configureZod } from "zod/v4/core";
import { RealtimeProvider } from "@/components/realtime/realtime-provider";
import { TRPCReactProvider } from "@/components/trpc/client";
import { ToastProvider } from "@/components/ui/toast";
import type { ClientRealtimeConfig } from "@/server/platform/realtime";

// Zod probes for eval (`Function("")`) to compile faster parsers; the pages' CSP forbids eval, so the probe
// would be reported as a violation on every page that validates a form. Interpreted parsing is fast enough here.
// From zod's core: importing `z` put all of zod (107 KB) into every page's scripts; `config` alone is a few KB.
if (typeof window !== "undefined") configureZod({ jitless: true });

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
