import { Skeleton } from "@/components/ui/skeleton";
import { formatCount } from "./format";

type Tile = { label: string; value: number | undefined; hint: string; testId?: string };

/** The headline figures of a link's analytics. `undefined` values render as placeholders. */
export function StatTiles({ totalClicks, uniqueVisitors, botClicks }: { totalClicks?: number; uniqueVisitors?: number; botClicks?: number }) {
  const tiles: Tile[] = [
    { label: "Total clicks", value: totalClicks, hint: "Bots excluded. Updates live.", testId: "total-clicks" },
    { label: "Unique visitors", value: uniqueVisitors, hint: "Unique per UTC day, summed over the range." },
    { label: "Bot hits excluded", value: botClicks, hint: "Crawlers and previewers, recorded but not counted." },
  ];
  return (
    <dl className="grid gap-4 sm:grid-cols-3">
      {tiles.map((tile) => (
        <div key={tile.label} className="rounded-xl border border-border bg-surface p-5 shadow-sm">
          <dt className="text-sm text-muted">{tile.label}</dt>
          <dd className="mt-1 text-3xl font-semibold tabular-nums text-fg" data-testid={tile.testId} aria-live={tile.testId ? "polite" : undefined}>
            {tile.value === undefined ? <Skeleton className="h-9 w-20" /> : formatCount(tile.value)}
          </dd>
          <dd className="mt-1 text-xs text-muted">{tile.hint}</dd>
        </div>
      ))}
    </dl>
  );
}
