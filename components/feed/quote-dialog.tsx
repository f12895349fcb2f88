"use client";

import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import type { PostView } from "@/server/feed/hydrate/post-view";
import { ComposeBox } from "./compose-box";
import { QuotedPost } from "./quoted-post";

/** Quote a post: your words (and pictures) above it, posted to your followers; its author is notified. */
export function QuoteDialog({ post, open, onClose }: { post: PostView; open: boolean; onClose: () => void }) {
  const toast = useToast();
  return (
    <Dialog open={open} onClose={onClose} title="Quote post">
      {open ? (
        <div className="space-y-3">
          <ComposeBox
            quoteOfId={post.id}
            placeholder="Add a comment"
            submitLabel="Post quote"
            autoFocus
            onPosted={() => {
              toast.show({ tone: "success", title: "Quote posted" });
              onClose();
            }}
          />
          <QuotedPost quote={{ id: post.id, author: post.author, text: post.text, createdAt: post.createdAt, deleted: false }} />
        </div>
      ) : null}
    </Dialog>
  );
}
