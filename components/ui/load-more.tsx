import { Alert } from "./alert";
import { Button } from "./button";

/** The part of an infinite query a "Load more" control needs (TanStack Query's useInfiniteQuery result fits). */
type NextPages = {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  fetchNextPage: () => Promise<unknown>;
};

/** "Load more" under a paged list, busy while the next page loads, with a message when it could not. */
export function LoadMore({ pages, items }: { pages: NextPages; items: string }) {
  return (
    <>
      {pages.hasNextPage ? (
        <div className="flex justify-center">
          <Button variant="secondary" loading={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
            Load more
          </Button>
        </div>
      ) : null}
      {pages.isFetchNextPageError ? <Alert>Could not load more {items}. Please try again.</Alert> : null}
    </>
  );
}
