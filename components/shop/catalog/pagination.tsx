import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

/** Previous / numbered / next links; `hrefFor(page)` builds each page's URL. */
export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null;
  const pages = [...new Set([1, page - 1, page, page + 1, pageCount])].filter((candidate) => candidate >= 1 && candidate <= pageCount).sort((a, b) => a - b);
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-center gap-1">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} scroll className={buttonClasses({ variant: "secondary", size: "sm" })} rel="prev">
          Previous
        </Link>
      ) : null}
      {pages.map((candidate, index) => (
        <span key={candidate} className="flex items-center gap-1">
          {index > 0 && candidate - (pages[index - 1] ?? candidate) > 1 ? <span className="px-1 text-muted">…</span> : null}
          <Link
            href={hrefFor(candidate)}
            aria-current={candidate === page ? "page" : undefined}
            className={buttonClasses({ variant: candidate === page ? "primary" : "ghost", size: "sm", className: "min-w-8" })}
          >
            {candidate}
          </Link>
        </span>
      ))}
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} className={buttonClasses({ variant: "secondary", size: "sm" })} rel="next">
          Next
        </Link>
      ) : null}
    </nav>
  );
}
