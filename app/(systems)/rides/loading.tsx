import { PageContainer } from "@/components/ui/page";
import { Skeleton } from "@/components/ui/skeleton";

/** The rider page's shape while it loads: the form on the left, the map beside it. */
export default function RidesLoading() {
  return (
    <PageContainer>
      <div role="status" aria-label="Loading the Rides map" className="space-y-8">
        <div className="space-y-2">
          <Skeleton className="h-8 w-32" />
          <Skeleton className="h-5 w-full max-w-xl" />
        </div>
        <div className="grid gap-6 lg:grid-cols-[22rem_1fr]">
          <div className="space-y-4">
            <Skeleton className="h-16 w-full" />
            <Skeleton className="h-8 w-36" />
            <Skeleton className="h-16 w-full" />
          </div>
          <Skeleton className="h-[55vh] min-h-72 w-full rounded-xl" />
        </div>
      </div>
    </PageContainer>
  );
}
