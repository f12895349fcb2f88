"use client";

import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/trpc/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { RatingSummary } from "./rating-summary";
import { ReviewForm } from "./review-form";
import { ReviewItem } from "./review-item";

const PAGE_SIZE = 10;

/** Ratings, the review form for eligible buyers, and the reviews themselves, newest first. */
export function ReviewsSection({ productId }: { productId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const summary = useQuery(trpc.shop.reviews.summary.queryOptions({ productId }));
  const eligibility = useQuery(trpc.shop.reviews.eligibility.queryOptions({ productId }));
  const reviews = useInfiniteQuery(trpc.shop.reviews.list.infiniteQueryOptions({ productId, limit: PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor }));

  const refreshAfterReview = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.shop.reviews.pathKey() });
    // The header's stars come from the server-rendered product.
    router.refresh();
  };

  const items = reviews.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section id="reviews" aria-labelledby="reviews-heading" className="mt-14 grid gap-10 border-t border-border pt-10 lg:grid-cols-[20rem_1fr]">
      <div className="space-y-4">
        <h2 id="reviews-heading" className="text-xl font-semibold text-fg">
          Customer reviews
        </h2>
        {summary.data ? <RatingSummary summary={summary.data} /> : summary.isError ? <Alert>Ratings could not be loaded.</Alert> : <Skeleton className="h-32 w-full" />}
      </div>
      <div className="space-y-6">
        {eligibility.data?.canReview ? <ReviewForm productId={productId} onSaved={refreshAfterReview} /> : null}
        {eligibility.data?.reason === "sign_in" ? (
          <p className="text-sm text-muted">
            <Link href={`/sign-in?next=${encodeURIComponent(typeof window === "undefined" ? "/shop" : window.location.pathname)}`} className="font-medium text-accent-text hover:underline">
              Sign in
            </Link>{" "}
            to review a product you bought.
          </p>
        ) : null}
        {eligibility.data?.reason === "already_reviewed" ? <p className="text-sm text-muted">Thanks — you have reviewed this product.</p> : null}

        {reviews.isPending ? (
          <div className="space-y-4" role="status" aria-label="Loading reviews">
            <Skeleton className="h-20 w-full" />
            <Skeleton className="h-20 w-full" />
          </div>
        ) : reviews.isError ? (
          <Alert title="Reviews could not be loaded">
            <Button variant="secondary" size="sm" className="mt-2" onClick={() => void reviews.refetch()}>
              Try again
            </Button>
          </Alert>
        ) : items.length === 0 ? (
          <p className="text-sm text-muted">Nobody has reviewed this product yet.</p>
        ) : (
          <ul className="divide-y divide-border">
            {items.map((review) => (
              <li key={review.id} className="py-5 first:pt-0">
                <ReviewItem productId={productId} review={review} onChanged={refreshAfterReview} />
              </li>
            ))}
          </ul>
        )}
        {reviews.hasNextPage ? (
          <Button variant="secondary" loading={reviews.isFetchingNextPage} onClick={() => void reviews.fetchNextPage()}>
            Show more reviews
          </Button>
        ) : null}
      </div>
    </section>
  );
}
