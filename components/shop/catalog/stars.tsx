import { cn } from "@/components/ui/cn";

const STAR = "M10 1.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L10 14.9l-5.2 2.7 1-5.8L1.5 7.7l5.9-.9z";

/** Five stars filled to `rating` (halves included), announced as "4.5 out of 5 stars". */
export function Stars({ rating, className }: { rating: number; className?: string }) {
  const rounded = Math.round(rating * 2) / 2;
  return (
    <span role="img" aria-label={`${rating.toFixed(1)} out of 5 stars`} className={cn("inline-flex items-center gap-0.5 text-amber-500", className)}>
      {[1, 2, 3, 4, 5].map((star) => {
        const fill = rounded >= star ? 1 : rounded >= star - 0.5 ? 0.5 : 0;
        return (
          <svg key={star} aria-hidden="true" viewBox="0 0 20 20" className="size-4">
            <defs>
              <linearGradient id={`star-${star}-${fill}`}>
                <stop offset={fill} stopColor="currentColor" />
                <stop offset={fill} stopColor="currentColor" stopOpacity="0.2" />
              </linearGradient>
            </defs>
            <path d={STAR} fill={`url(#star-${star}-${fill})`} />
          </svg>
        );
      })}
    </span>
  );
}
