"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/client";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { BarList, countryName, referrerName, unknownCountryNote } from "./bar-list";
import { ClicksChart } from "./clicks-chart";
import { CopyButton } from "./copy-button";
import { QrCode } from "./qr-code";
import { RangeSelector } from "./range-selector";
import { StatTiles } from "./stat-tiles";
import { rangeLabel, type StatsRangeValue } from "./stats-range";
import { useLinkClicks } from "./use-link-clicks";

/**
 * One link's analytics for a range. The owner's "link.clicks" event (one per
 * ingest batch) refetches the figures, so totals, chart and lists move together
 * and stay true to the selected range.
 */
export function LinkAnalytics({ code, range, channel, shortUrl }: { code: string; range: StatsRangeValue; channel: string; shortUrl: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const stats = useQuery(trpc.links.stats.queryOptions({ code, range }, { placeholderData: keepPreviousData }));
  const refetch = () => void queryClient.invalidateQueries(trpc.links.stats.pathFilter());

  useLinkClicks(
    channel,
    (counts) => {
      if (counts.some((entry) => entry.code === code)) refetch();
    },
    refetch,
  );

  if (stats.isError && !stats.data) {
    const missing = stats.error.data?.code === "NOT_FOUND";
    return (
      <Alert title={missing ? "No such link" : "Could not load the analytics"}>
        <p>{missing ? `There is no link /${code} among your links.` : stats.error.message}</p>
        <Link href="/links" className="mt-2 inline-block font-medium underline underline-offset-4">
          Back to my links
        </Link>
      </Alert>
    );
  }

  const data = stats.data;
  return (
    <div className="space-y-6" aria-busy={stats.isFetching}>
      <div className="flex flex-col gap-4 lg:flex-row lg:items-center lg:justify-between">
        <div className="min-w-0 space-y-1">
          <div className="flex flex-wrap items-center gap-2">
            <a href={shortUrl} target="_blank" rel="noreferrer" className="break-all font-medium text-accent-text underline-offset-4 hover:underline">
              {shortUrl}
            </a>
            <CopyButton text={shortUrl} accessibleLabel="Copy short URL" size="sm" />
          </div>
          <div className="truncate text-sm text-muted">{data ? <>Goes to {data.url}</> : <Skeleton className="h-4 w-64" />}</div>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <RangeSelector code={code} value={range} />
          <a href={`/api/links/${encodeURIComponent(code)}/clicks.csv`} download className={buttonClasses({ variant: "secondary", size: "sm" })}>
            Download CSV
          </a>
        </div>
      </div>

      <StatTiles totalClicks={data?.totalClicks} uniqueVisitors={data?.uniqueVisitors} botClicks={data?.botClicks} />

      {data ? (
        <ClicksChart timeline={data.timeline} bucket={data.bucket} rangeLabel={rangeLabel(range)} />
      ) : (
        <Skeleton className="h-80 w-full rounded-xl" />
      )}

      {data ? (
        <div className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
          <BarList title="Top referrers" items={data.referrers} nameOf={referrerName} />
          <BarList title="Countries" items={data.countries} nameOf={countryName} footnote={unknownCountryNote(data.countries)} />
          <BarList title="Browsers" items={data.browsers} />
          <BarList title="Operating systems" items={data.os} />
          <BarList title="Devices" items={data.devices} nameOf={capitalized} />
        </div>
      ) : (
        <div className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
          {Array.from({ length: 3 }, (_, index) => (
            <Skeleton key={index} className="h-48 rounded-xl" />
          ))}
        </div>
      )}
      {/* Drawn from the short URL alone: shown while the figures load, too. */}
      <section aria-label="QR code" className="max-w-xs rounded-xl border border-border bg-surface p-5 shadow-sm">
        <h3 className="mb-3 text-sm font-semibold text-fg">QR code</h3>
        <QrCode value={shortUrl} fileName={`qr-${code}`} />
      </section>
      {stats.isError ? <Alert tone="warning">Showing the last figures: {stats.error.message}</Alert> : null}
    </div>
  );
}

/** Device types arrive lower-case ("desktop", "mobile"). */
function capitalized(name: string): string {
  return name ? name[0]?.toUpperCase() + name.slice(1) : name;
}
