"use client";

import type { ReactNode } from "react";
import { RealtimeProvider } from "@/components/realtime/realtime-provider";
import { TRPCReactProvider } from "@/components/trpc/client";
import { ToastProvider } from "@/components/ui/toast";
import type { ClientRealtimeConfig } from "@/server/platform/realtime";

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
