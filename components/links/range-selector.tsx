import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { STATS_RANGES, type StatsRangeValue } from "./stats-range";

/** 24 h / 7 d / 30 d / all as links, so the range lives in the URL (?range=) and survives reloads and sharing. */
export function RangeSelector({ code, value }: { code: string; value: StatsRangeValue }) {
  return (
    <nav aria-label="Time range">
      <ul className="inline-flex rounded-lg border border-border bg-surface p-0.5">
        {STATS_RANGES.map((range) => {
          const current = range.value === value;
          return (
            <li key={range.value}>
              <Link
                href={`/links/${encodeURIComponent(code)}?range=${range.value}`}
                replace
                scroll={false}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "inline-flex h-8 items-center rounded-md px-3 text-sm font-medium transition-colors",
                  current ? "bg-accent text-accent-fg" : "text-muted hover:bg-surface-2 hover:text-fg",
                )}
              >
                {range.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
