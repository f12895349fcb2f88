"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";
import { useToast } from "@/components/ui/toast";
import { describeError } from "./send-errors";
import { useChatCache } from "./use-chat-cache";

/**
 * Mutes or unmutes the open conversation for me: no toasts or bell entries
 * for its messages (an @mention of me still comes through), unread counts
 * kept but left out of the tab title. A toggle button (aria-pressed).
 */
export function MuteButton({ conversationId, muted }: { conversationId: string; muted: boolean }) {
  const trpc = useTRPC();
  const cache = useChatCache();
  const toast = useToast();
  const setMuted = useMutation(
    trpc.chat.setMuted.mutationOptions({
      onSuccess: (result) => {
        cache.patchConversation(conversationId, (item) => ({ ...item, muted: result.muted }));
        void cache.invalidateConversation(conversationId);
      },
      onError: (error) => toast.show({ tone: "error", title: "Could not change notifications", description: describeError(error) }),
    }),
  );
  return (
    <button
      type="button"
      aria-pressed={muted}
      aria-label="Mute conversation"
      title={muted ? "Muted: no notifications except @mentions" : "Mute notifications"}
      disabled={setMuted.isPending}
      onClick={() => setMuted.mutate({ conversationId, muted: !muted })}
      className="rounded-lg p-2 text-muted hover:bg-surface-2 hover:text-fg focus-visible:outline-2 focus-visible:outline-ring disabled:opacity-60"
    >
      <MutedBellIcon muted={muted} className="size-5" />
    </button>
  );
}

/** A bell, struck through when muted. Decorative: name it where it is used. */
export function MutedBellIcon({ muted, className }: { muted: boolean; className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className={className} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
      <path d="M5 8a5 5 0 0 1 10 0c0 4 1.5 5.5 1.5 5.5h-13S5 12 5 8Z" />
      <path d="M8.5 16.5a1.5 1.5 0 0 0 3 0" />
      {muted ? <path d="M3 3l14 14" /> : null}
    </svg>
  );
}
