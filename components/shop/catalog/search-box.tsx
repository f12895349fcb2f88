import { buttonClasses } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { SEARCH_QUERY_MAX_LENGTH } from "@/server/shop/catalog/search-options";

/** A plain GET form to /shop/search: works before any JavaScript has loaded. */
export function SearchBox({ defaultValue = "", autoFocus = false }: { defaultValue?: string; autoFocus?: boolean }) {
  return (
    <form action="/shop/search" method="get" role="search" className="flex w-full gap-2">
      <label htmlFor="shop-search" className="sr-only">
        Search products
      </label>
      <Input
        id="shop-search"
        name="q"
        type="search"
        defaultValue={defaultValue}
        maxLength={SEARCH_QUERY_MAX_LENGTH}
        placeholder="Search headphones, espresso, tents…"
        autoFocus={autoFocus}
        className="h-11 text-base"
      />
      <button type="submit" className={buttonClasses({ size: "lg", className: "h-11" })}>
        Search
      </button>
    </form>
  );
}
