"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Stars } from "@/components/shop/catalog/stars";
import { useTRPC } from "@/components/trpc/client";
import { Alert } from "@/components/ui/alert";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { ReviewView } from "@/server/shop/reviews/review-view";
import { ReviewForm } from "./review-form";

/** One review; its author can edit it in place or delete it (after a confirmation). */
export function ReviewItem({ productId, review, onChanged }: { productId: string; review: ReviewView; onChanged: () => void }) {
  const trpc = useTRPC();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation(trpc.shop.reviews.delete.mutationOptions({ onSuccess: onChanged }));

  if (editing) {
    return (
      <ReviewForm
        productId={productId}
        review={review}
        onSaved={() => {
          setEditing(false);
          onChanged();
        }}
        onCancel={() => setEditing(false)}
      />
    );
  }
  return (
    <article aria-label={`Review by ${review.author.name}`} className="space-y-2">
      <div className="flex items-center gap-3">
        <Avatar name={review.author.name} image={review.author.image} size="sm" />
        <div className="min-w-0 flex-1">
          <p className="text-sm font-medium text-fg">{review.mine ? `${review.author.name} (you)` : review.author.name}</p>
          <p className="flex items-center gap-2 text-xs text-muted">
            <Stars rating={review.rating} />
            <time dateTime={review.createdAt.toISOString()}>{review.createdAt.toLocaleDateString(undefined, { dateStyle: "medium" })}</time>
            {review.editedAt ? <span>· edited</span> : null}
            {review.verified ? <Badge tone="success">Verified purchase</Badge> : null}
          </p>
        </div>
        {review.mine ? (
          <div className="flex gap-1">
            <Button size="sm" variant="ghost" onClick={() => setEditing(true)}>
              Edit
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setConfirming(true)}>
              Delete
            </Button>
          </div>
        ) : null}
      </div>
      <p className="text-sm leading-relaxed whitespace-pre-line text-fg">{review.body}</p>
      <Dialog
        open={confirming}
        onClose={() => {
          remove.reset();
          setConfirming(false);
        }}
        title="Delete your review?"
        description="Your stars leave the product's rating. You can write a new review afterwards."
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirming(false)} disabled={remove.isPending}>
              Keep review
            </Button>
            <Button variant="danger" loading={remove.isPending} onClick={() => remove.mutate({ reviewId: review.id })}>
              Delete review
            </Button>
          </>
        }
      >
        {remove.isError ? <Alert title="Could not delete the review">{remove.error.message}</Alert> : null}
      </Dialog>
    </article>
  );
}
