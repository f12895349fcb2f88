"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { LoadMore } from "@/components/ui/load-more";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { describeNotification } from "./notification-kinds";
import { NotificationItem } from "./notification-item";
import { MarkAllReadButton } from "./mark-all-read-button";
import { useLiveNotifications, useMarkNotificationsRead } from "./use-live-notifications";
import { LoadError } from "@/components/ui/load-error";

const PAGE_SIZE = 20;

/** Every notification, newest first, a page at a time; all or unread only; mark one or all read. */
export function NotificationList() {
  const trpc = useTRPC();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const { unreadCount } = useLiveNotifications();
  const markRead = useMarkNotificationsRead();
  const pages = useInfiniteQuery(
    trpc.notifications.list.infiniteQueryOptions(
      { limit: PAGE_SIZE, unreadOnly },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div role="group" aria-label="Show" className="inline-flex rounded-lg border border-border bg-surface p-0.5">
          <FilterButton pressed={!unreadOnly} onClick={() => setUnreadOnly(false)}>
            All
          </FilterButton>
          <FilterButton pressed={unreadOnly} onClick={() => setUnreadOnly(true)}>
            Unread{unreadCount > 0 ? ` (${unreadCount})` : ""}
          </FilterButton>
        </div>
        <MarkAllReadButton markRead={markRead} unreadCount={unreadCount} variant="secondary" />
      </div>

      {markRead.isError ? <Alert>{markRead.error.message}</Alert> : null}

      {pages.isPending ? (
        <Card role="status" aria-label="Loading notifications" className="divide-y divide-border">
          {Array.from({ length: 5 }, (_, index) => (
            <div key={index} className="space-y-2 px-5 py-4">
              <Skeleton className="h-4 w-2/3" />
              <Skeleton className="h-3 w-1/4" />
            </div>
          ))}
        </Card>
      ) : pages.isError ? (
        <LoadError title="Could not load your notifications" message={pages.error.message} onRetry={() => void pages.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          icon={<InboxIcon />}
          title={unreadOnly ? "You're all caught up" : "No notifications yet"}
          description={
            unreadOnly
              ? "Nothing unread. New notifications appear here as they happen."
              : "When something happens that concerns you (a reply, a milestone, an order update) it shows up here."
          }
        />
      ) : (
        <Card>
          <ul className="divide-y divide-border">
            {items.map((notification) => (
              <li key={notification.id} className="flex items-start gap-2 px-2 py-1">
                <NotificationItem
                  notification={notification}
                  className="flex-1"
                  onOpen={notification.readAt === null ? () => markRead.mutate({ ids: [notification.id] }) : undefined}
                />
                {notification.readAt === null ? (
                  <Button
                    variant="ghost"
                    size="sm"
                    className="mt-1.5 shrink-0"
                    onClick={() => markRead.mutate({ ids: [notification.id] })}
                    aria-label={`Mark read: “${describeNotification(notification).title}”`}
                  >
                    Mark read
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
      )}

      <LoadMore pages={pages} items="notifications" />
    </div>
  );
}

function FilterButton({ pressed, onClick, children }: { pressed: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onClick}
      className={cn(
        "rounded-md px-3 py-1.5 text-sm font-medium transition-colors",
        pressed ? "bg-accent-soft text-accent-text" : "text-muted hover:text-fg",
      )}
    >
      {children}
    </button>
  );
}

function InboxIcon() {
  return (
    <svg viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
      <path d="M22 12h-6l-2 3h-4l-2-3H2" />
      <path d="M5.45 5.11 2 12v6a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2v-6l-3.45-6.89A2 2 0 0 0 16.76 4H7.24a2 2 0 0 0-1.79 1.11Z" />
    </svg>
  );
}
