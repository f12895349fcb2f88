"use client";

import { Button } from "@/components/ui/button";
import type { useMarkNotificationsRead } from "./use-live-notifications";

/** "Mark all read" for the bell's panel and the full list. The caller owns the mutation: it also marks single notifications read and shows its error. */
export function MarkAllReadButton({
  markRead,
  unreadCount,
  variant,
}: {
  markRead: ReturnType<typeof useMarkNotificationsRead>;
  unreadCount: number;
  variant: "ghost" | "secondary";
}) {
  return (
    <Button
      variant={variant}
      size="sm"
      disabled={unreadCount === 0}
      loading={markRead.isPending && "all" in (markRead.variables ?? {})}
      onClick={() => markRead.mutate({ all: true })}
    >
      Mark all read
    </Button>
  );
}
