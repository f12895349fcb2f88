"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Alert } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import { describeNotification } from "./notification-kinds";
import { NotificationItem } from "./notification-item";
import { MarkAllReadButton } from "./mark-all-read-button";
import { useLiveNotifications, useMarkNotificationsRead } from "./use-live-notifications";

const LATEST_COUNT = 8;

/**
 * The header's bell: unread count on a badge, the latest notifications in a
 * panel, "mark all read", and a link to the full list. New notifications
 * arrive live on the user's private channel and pop up as a toast.
 */
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const toast = useToast();
  const pathname = usePathname();
  const { unreadCount } = useLiveNotifications({
    onNew: (notification) => {
      const { title, body, about } = describeNotification(notification);
      // The page on screen already shows it (the open conversation marks it read as it is seen).
      if (about === pathname && document.visibilityState === "visible") return;
      toast.show({ tone: "info", title, description: body });
    },
  });
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panelRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);

  return (
    <div className="relative">
      <button
        ref={buttonRef}
        type="button"
        // No parentheses: axe reads a parenthetical as not part of the name, and the badge's number must be (label in name).
        aria-label={unreadCount > 0 ? `Notifications, ${unreadCount} unread` : "Notifications"}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((current) => !current)}
        className="relative inline-flex size-10 items-center justify-center rounded-lg text-muted hover:bg-surface-2 hover:text-fg"
      >
        <BellIcon />
        {unreadCount > 0 ? (
          <span
            aria-hidden="true"
            data-testid="notification-count"
            className="absolute top-1 right-1 flex h-4.5 min-w-4.5 items-center justify-center rounded-full bg-danger px-1 text-[11px] leading-none font-semibold text-white ring-2 ring-surface"
          >
            {unreadCount > 99 ? "99+" : unreadCount}
          </span>
        ) : null}
      </button>
      {open ? (
        <div
          ref={panelRef}
          id={panelId}
          role="dialog"
          aria-label="Notifications"
          // Phones: across the screen under the header; wider screens: hanging from the bell.
          className="fixed inset-x-3 top-16 z-50 mt-1 rounded-xl border border-border bg-surface shadow-lg sm:absolute sm:inset-x-auto sm:top-auto sm:right-0 sm:mt-2 sm:w-96"
        >
          <LatestNotifications unreadCount={unreadCount} onNavigate={() => setOpen(false)} />
        </div>
      ) : null}
    </div>
  );
}

function LatestNotifications({ unreadCount, onNavigate }: { unreadCount: number; onNavigate: () => void }) {
  const trpc = useTRPC();
  const latest = useQuery(trpc.notifications.list.queryOptions({ limit: LATEST_COUNT }));
  const markRead = useMarkNotificationsRead();

  return (
    <>
      <div className="flex items-center justify-between gap-3 border-b border-border px-4 py-3">
        <h2 className="text-sm font-semibold text-fg">Notifications</h2>
        <MarkAllReadButton markRead={markRead} unreadCount={unreadCount} variant="ghost" />
      </div>
      <div className="max-h-[min(28rem,70dvh)] overflow-y-auto p-1">
        {latest.isPending ? (
          <div className="space-y-3 p-3" role="status" aria-label="Loading notifications">
            {Array.from({ length: 3 }, (_, index) => (
              <div key={index} className="space-y-2">
                <Skeleton className="h-4 w-3/4" />
                <Skeleton className="h-3 w-1/3" />
              </div>
            ))}
          </div>
        ) : latest.isError ? (
          <div className="p-3">
            <Alert title="Could not load notifications">
              <button type="button" onClick={() => void latest.refetch()} className="font-medium underline underline-offset-4">
                Try again
              </button>
            </Alert>
          </div>
        ) : latest.data.items.length === 0 ? (
          <p className="px-4 py-8 text-center text-sm text-muted">You have no notifications yet.</p>
        ) : (
          <ul className="divide-y divide-border">
            {latest.data.items.map((notification) => (
              <li key={notification.id}>
                <NotificationItem
                  notification={notification}
                  onOpen={() => {
                    if (notification.readAt === null) markRead.mutate({ ids: [notification.id] });
                    onNavigate();
                  }}
                />
              </li>
            ))}
          </ul>
        )}
      </div>
      {markRead.isError ? (
        <p role="alert" className="px-4 pb-2 text-sm text-danger">
          {markRead.error.message}
        </p>
      ) : null}
      <div className="border-t border-border p-1">
        <Link
          href="/notifications"
          onClick={onNavigate}
          className="block rounded-lg px-3 py-2 text-center text-sm font-medium text-accent-text hover:bg-surface-2"
        >
          See all notifications
        </Link>
      </div>
    </>
  );
}

function BellIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}
