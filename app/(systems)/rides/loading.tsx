import { PageContainer, PageHeader } from "@/components/ui/page";
import { Skeleton } from "@/components/ui/skeleton";

/** The rider page's shape while it loads: its title, the form on the left, the map beside it. */
export default function RidesLoading() {
  return (
    <PageContainer>
      <PageHeader title="Rides" />
      <div role="status" aria-label="Loading the Rides map">
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
