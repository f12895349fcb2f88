import { buttonClasses } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { SEARCH_QUERY_MAX_CHARS } from "@/server/videos/search/search-options";

/** The videos search field: a plain GET form to /videos/search, so it works before the page's script loads. */
export function SearchBox({ defaultValue = "" }: { defaultValue?: string }) {
  return (
    <form action="/videos/search" method="get" role="search" className="flex w-full max-w-md gap-2">
      <label htmlFor="video-search" className="sr-only">
        Search videos
      </label>
      <Input id="video-search" name="q" type="search" defaultValue={defaultValue} maxLength={SEARCH_QUERY_MAX_CHARS} placeholder="Search videos" />
      <button type="submit" className={buttonClasses({ variant: "secondary" })}>
        Search
      </button>
    </form>
  );
}
