"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Menu, MenuItem } from "@/components/ui/menu";
import { useToast } from "@/components/ui/toast";
import type { FeedProfileView } from "@/server/feed/graph/get-feed-profile";

/** Block and mute change what every Feed list shows: refetch them all. */
function useSafetyMutations() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const onSettled = () => queryClient.invalidateQueries({ queryKey: trpc.feed.pathKey() });
  const onError = (error: { message: string }) => toast.show({ tone: "error", title: "That did not work", description: error.message });
  return {
    block: useMutation(trpc.feed.safety.block.mutationOptions({ onSettled, onError })),
    mute: useMutation(trpc.feed.safety.mute.mutationOptions({ onSettled, onError })),
  };
}

/** "More" on someone else's profile: mute / unmute, block / unblock (a block asks first). */
export function ProfileSafetyMenu({ profile }: { profile: FeedProfileView }) {
  const { block, mute } = useSafetyMutations();
  const [confirmingBlock, setConfirmingBlock] = useState(false);
  const handle = profile.username ? `@${profile.username}` : profile.name;
  return (
    <>
      <Menu label={`More actions for ${profile.name}`} triggerClassName="size-10 justify-center hover:bg-surface-2" trigger={<DotsIcon />}>
        <MenuItem onSelect={() => mute.mutate({ userId: profile.id, muted: !profile.youMuted })}>{profile.youMuted ? `Unmute ${handle}` : `Mute ${handle}`}</MenuItem>
        {profile.youBlocked ? (
          <MenuItem onSelect={() => block.mutate({ userId: profile.id, blocked: false })}>Unblock {handle}</MenuItem>
        ) : (
          <MenuItem onSelect={() => setConfirmingBlock(true)}>Block {handle}</MenuItem>
        )}
      </Menu>
      <Dialog
        open={confirmingBlock}
        onClose={() => setConfirmingBlock(false)}
        title={`Block ${handle}?`}
        description="They will not see your posts or be able to reply to them or follow you, and you will not see theirs. Follows between you end. They are not told."
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirmingBlock(false)}>
              Cancel
            </Button>
            <Button
              variant="danger"
              loading={block.isPending}
              onClick={() => block.mutate({ userId: profile.id, blocked: true }, { onSuccess: () => setConfirmingBlock(false) })}
            >
              Block
            </Button>
          </>
        }
      />
    </>
  );
}

/** What a profile shows instead of its posts when a block stands between the viewer and them. */
export function BlockedNotice({ profile }: { profile: FeedProfileView }) {
  const { block } = useSafetyMutations();
  const handle = profile.username ? `@${profile.username}` : profile.name;
  if (profile.youBlocked) {
    return (
      <EmptyState
        title={`You blocked ${handle}`}
        description="You do not see their posts, and they cannot see or reply to yours."
        action={
          <Button variant="secondary" loading={block.isPending} onClick={() => block.mutate({ userId: profile.id, blocked: false })}>
            Unblock
          </Button>
        }
      />
    );
  }
  return <EmptyState title={`${handle} blocked you`} description="You cannot see their posts, reply to them or follow them." />;
}

function DotsIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="currentColor">
      <circle cx="5" cy="12" r="2" />
      <circle cx="12" cy="12" r="2" />
      <circle cx="19" cy="12" r="2" />
    </svg>
  );
}
