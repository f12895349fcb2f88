import { Stars } from "@/components/shop/catalog/stars";
import type { RatingSummary as Summary } from "@/server/shop/reviews/get-rating-summary";

/** Average, count and a bar per star level. */
export function RatingSummary({ summary }: { summary: Summary }) {
  if (summary.count === 0) return <p className="text-sm text-muted">No reviews yet. Buyers can review a product once it has been delivered.</p>;
  return (
    <div className="space-y-3">
      <div className="flex items-center gap-3">
        <span className="text-4xl font-semibold text-fg">{summary.average.toFixed(1)}</span>
        <div>
          <Stars rating={summary.average} />
          <p className="text-sm text-muted">
            {summary.count.toLocaleString("en")} {summary.count === 1 ? "review" : "reviews"}
          </p>
        </div>
      </div>
      <ul className="space-y-1.5" aria-label="Ratings by stars">
        {summary.distribution.map(({ stars, count }) => {
          const share = Math.round((count / summary.count) * 100);
          return (
            <li key={stars} className="flex items-center gap-2 text-sm">
              <span className="w-12 text-muted">{stars} star</span>
              <span className="h-2 flex-1 overflow-hidden rounded-full bg-surface-2" aria-hidden="true">
                <span className="block h-full rounded-full bg-amber-500" style={{ width: `${share}%` }} />
              </span>
              <span className="w-16 text-right text-muted tabular-nums">
                {share}% <span className="sr-only">({count} {count === 1 ? "review" : "reviews"})</span>
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
