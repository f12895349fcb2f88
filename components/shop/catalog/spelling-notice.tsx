import Link from "next/link";
import type { SearchProductsParams } from "@/server/shop/catalog/search-options";
import { searchHref } from "./search-url";

/**
 * Shown when the words as typed matched nothing and the results are the typo
 * matches: what we searched for instead, and a way back to the words exactly
 * as typed (which then skips typo matching).
 */
export function SpellingNotice({ search, corrected }: { search: SearchProductsParams; corrected: string }) {
  const link = "font-medium text-accent-text underline-offset-4 hover:underline";
  return (
    <div className="text-sm" data-testid="spelling-notice">
      <p className="text-fg">
        Showing results for{" "}
        <Link href={searchHref({ ...search, q: corrected, exact: false, page: 1 })} className={`${link} font-semibold italic`}>
          {corrected}
        </Link>
      </p>
      <p className="text-muted">
        Search instead for{" "}
        <Link href={searchHref({ ...search, exact: true, page: 1 })} className={link}>
          {search.q}
        </Link>
      </p>
    </div>
  );
}
