"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { formErrorsOf } from "@/components/shop/catalog/form-errors";
import { useTRPC } from "@/components/trpc/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { REVIEW_BODY_MAX_LENGTH } from "@/server/shop/reviews/review-limits";
import type { ReviewView } from "@/server/shop/reviews/review-view";

/**
 * Stars and text for a buyer's review: a new one, or the author's own
 * `review` to edit. The server re-checks eligibility, ownership and limits.
 */
export function ReviewForm({ productId, review, onSaved, onCancel }: { productId: string; review?: ReviewView; onSaved: () => void; onCancel?: () => void }) {
  const trpc = useTRPC();
  const starsName = useId();
  const [rating, setRating] = useState(review?.rating ?? 0);
  const [body, setBody] = useState(review?.body ?? "");
  const [errors, setErrors] = useState<{ rating?: string; body?: string; form?: string }>({});
  const onError = (failure: Parameters<typeof formErrorsOf>[0]) => setErrors(formErrorsOf(failure, ["rating", "body"] as const));
  const onSuccess = () => {
    setBody("");
    setRating(0);
    onSaved();
  };
  const create = useMutation(trpc.shop.reviews.create.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.shop.reviews.update.mutationOptions({ onSuccess, onError }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: typeof errors = {};
    if (rating < 1) next.rating = "Choose 1 to 5 stars.";
    if (!body.trim()) next.body = "Write a few words about the product.";
    setErrors(next);
    if (next.rating || next.body) return;
    if (review) update.mutate({ reviewId: review.id, rating, body });
    else create.mutate({ productId, rating, body });
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-4 rounded-xl border border-border bg-surface p-5">
      <h3 className="font-semibold text-fg">{review ? "Edit your review" : "Write a review"}</h3>
      {errors.form ? <Alert>{errors.form}</Alert> : null}
      <fieldset aria-describedby={errors.rating ? `${starsName}-error` : undefined}>
        <legend className="mb-1.5 text-sm font-medium text-fg">Your rating</legend>
        <div className="flex gap-3">
          {[1, 2, 3, 4, 5].map((stars) => (
            <label key={stars} className="flex items-center gap-1 text-sm text-fg">
              <input type="radio" name={starsName} value={stars} checked={rating === stars} onChange={() => setRating(stars)} className="size-4 accent-accent" />
              {stars} {stars === 1 ? "star" : "stars"}
            </label>
          ))}
        </div>
        {errors.rating ? (
          <p id={`${starsName}-error`} className="mt-1 text-sm text-danger">
            {errors.rating}
          </p>
        ) : null}
      </fieldset>
      <Field label="Your review" error={errors.body} hint={`${body.length.toLocaleString("en")} / ${REVIEW_BODY_MAX_LENGTH.toLocaleString("en")} characters`}>
        {(props) => <Textarea {...props} value={body} maxLength={REVIEW_BODY_MAX_LENGTH} onChange={(event) => setBody(event.target.value)} rows={4} />}
      </Field>
      <div className="flex gap-2">
        <Button type="submit" loading={create.isPending || update.isPending}>
          {review ? "Save review" : "Post review"}
        </Button>
        {onCancel ? (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
