import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { PageContainer } from "@/components/ui/page";

/**
 * Shown while a page's server data loads: the page's outline, so nothing jumps when it arrives.
 * The loading.tsx of the page groups that load data use it. Not the root: a boundary there would start
 * every response streaming before the page ran, so forbidden() and notFound() on admin pages could
 * no longer answer 403 or 404.
 */
export function PageSkeleton() {
  return (
    <PageContainer>
      <div className="mb-8 space-y-3">
        <Skeleton className="h-4 w-24" />
        <Skeleton className="h-8 w-72 max-w-full" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {Array.from({ length: 6 }, (_, index) => (
          <Skeleton key={index} className="h-40 rounded-xl" />
        ))}
      </div>
      <Spinner label="Loading…" className="mt-6" />
    </PageContainer>
  );
}
