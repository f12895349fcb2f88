"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useChannelEvent, useRealtimeReconnect } from "@/components/realtime/realtime-provider";
import { useTRPC } from "@/components/trpc/client";
import {
  NOTIFICATION_EVENT,
  NOTIFICATIONS_READ_EVENT,
  type NotificationEvent,
  type NotificationView,
  type NotificationsReadEvent,
} from "@/server/platform/notification-view";

/**
 * The unread count, kept live: new notifications and read receipts arrive on
 * the user's private channel (whose name the server hands out with the count),
 * and after a dropped connection everything is refetched, since events sent
 * meanwhile were lost. Every list of notifications refreshes along with it.
 */
export function useLiveNotifications({ onNew }: { onNew?: (notification: NotificationView) => void } = {}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const summary = useQuery(trpc.notifications.unreadCount.queryOptions());
  const channel = summary.data?.channel ?? null;

  const setUnreadCount = (unreadCount: number) =>
    queryClient.setQueryData(trpc.notifications.unreadCount.queryKey(), (current) => (current ? { ...current, unreadCount } : current));
  const refreshLists = () => void queryClient.invalidateQueries(trpc.notifications.list.pathFilter());

  useChannelEvent<NotificationEvent>(channel, NOTIFICATION_EVENT, (event) => {
    setUnreadCount(event.unreadCount);
    refreshLists();
    onNew?.(event.notification);
  });
  useChannelEvent<NotificationsReadEvent>(channel, NOTIFICATIONS_READ_EVENT, (event) => {
    setUnreadCount(event.unreadCount);
    refreshLists();
  });
  useRealtimeReconnect(() => void queryClient.invalidateQueries(trpc.notifications.pathFilter()));

  return { unreadCount: summary.data?.unreadCount ?? 0, isLoading: summary.isLoading, error: summary.error };
}

/** Marks one notification (`{ ids: [id] }`) or all (`{ all: true }`) read and updates the badge and lists. */
export function useMarkNotificationsRead() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.notifications.markRead.mutationOptions({
      onSuccess: ({ unreadCount }) => {
        queryClient.setQueryData(trpc.notifications.unreadCount.queryKey(), (current) => (current ? { ...current, unreadCount } : current));
        void queryClient.invalidateQueries(trpc.notifications.list.pathFilter());
      },
    }),
  );
}
