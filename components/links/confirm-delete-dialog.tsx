"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import type { LinkView } from "@/server/links/manage/link-view";

/** "Delete /code?" — deleting stops the short URL at once (every instance drops its cache). */
export function ConfirmDeleteDialog({ link, onClose }: { link: LinkView; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const remove = useMutation(
    trpc.links.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.links.list.pathFilter());
        toast.show({ tone: "success", title: `Deleted /${link.code}` });
        onClose();
      },
    }),
  );
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Delete /${link.code}?`}
      description="The short URL stops working right away and its click history is removed. This cannot be undone."
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={remove.isPending}>
            Cancel
          </Button>
          <Button variant="danger" loading={remove.isPending} onClick={() => remove.mutate({ code: link.code })}>
            Delete link
          </Button>
        </>
      }
    >
      <p className="break-all text-sm text-muted">{link.displayUrl}</p>
      {remove.isError ? <Alert>{remove.error.message}</Alert> : null}
    </Dialog>
  );
}
