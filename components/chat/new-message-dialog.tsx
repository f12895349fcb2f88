"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { PeopleSearch } from "./people-search";
import { describeError } from "./send-errors";
import { useChatCache } from "./use-chat-cache";

/** Search people → open (or create) the direct conversation with one of them. */
export function NewMessageDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const cache = useChatCache();
  const start = useMutation(
    trpc.chat.startDirect.mutationOptions({
      onSuccess: (conversation) => {
        void cache.invalidateList();
        onClose();
        router.push(`/chat/${conversation.id}`);
      },
      onError: (error) => toast.show({ tone: "error", title: "Could not start the conversation", description: describeError(error) }),
    }),
  );
  return (
    <Dialog open={open} onClose={onClose} title="New message" description="Find someone to message directly.">
      {open ? (
        <PeopleSearch
          renderAction={(person) => (
            <Button size="sm" variant="secondary" loading={start.isPending && start.variables.userId === person.id} onClick={() => start.mutate({ userId: person.id })}>
              Message<span className="sr-only"> {person.name}</span>
            </Button>
          )}
        />
      ) : null}
    </Dialog>
  );
}
