"use client";

import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { SystemIcon } from "@/components/shell/system-icon";
import { SYSTEMS, type SystemSlug } from "@/components/shell/systems";
import { useTRPC } from "@/components/trpc/client";
import { Skeleton } from "@/components/ui/skeleton";
import type { AppRouter } from "@/server/trpc/root";

type HomeStats = inferRouterOutputs<AppRouter>["system"]["homeStats"];
type Stat = { value: number; label: string };

/** Each system's headline number on its card (its field in server/system/get-home-stats.ts). */
const CARD_STATS: Record<SystemSlug, (stats: HomeStats) => Stat> = {
  links: (stats) => ({ value: stats.links, label: "short links" }),
  chat: (stats) => ({ value: stats.chatMessages, label: "messages sent" }),
  feed: (stats) => ({ value: stats.feedPosts, label: "posts" }),
  shop: (stats) => ({ value: stats.shopOrdersPaid, label: "orders paid" }),
  videos: (stats) => ({ value: stats.videos, label: "videos to watch" }),
  rides: (stats) => ({ value: stats.ridesCompleted, label: "trips completed" }),
};

const REFRESH_EVERY_MS = 30_000;
const numberFormat = new Intl.NumberFormat("en");

/** The home page below the hero: platform numbers and the six system cards, refreshed live. */
export function HomeOverview() {
  const trpc = useTRPC();
  const stats = useQuery(trpc.system.homeStats.queryOptions(undefined, { refetchInterval: REFRESH_EVERY_MS }));

  return (
    <div className="space-y-10">
      <PlatformNumbers stats={stats.data} loading={stats.isPending} failed={stats.isError && !stats.data} />
      <section aria-labelledby="systems-heading" className="space-y-4">
        <h2 id="systems-heading" className="text-lg font-semibold text-fg">
          The six systems
        </h2>
        <ul aria-label="The six systems" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {SYSTEMS.map((system) => {
            const stat = stats.data ? CARD_STATS[system.slug](stats.data) : undefined;
            return (
              <li key={system.slug} className="group relative flex flex-col rounded-xl border border-border bg-surface p-5 shadow-sm transition-shadow hover:border-accent/50 hover:shadow-md focus-within:border-accent">
                <span className="flex size-10 items-center justify-center rounded-lg bg-accent-soft text-accent-text">
                  <SystemIcon slug={system.slug} />
                </span>
                <h3 className="mt-4 text-base font-semibold text-fg">
                  {/* The link covers the whole card (after:inset-0) but its name stays the system's name. */}
                  <Link href={system.href} className="after:absolute after:inset-0 after:rounded-xl focus-visible:outline-none group-focus-within:underline">
                    {system.name}
                  </Link>
                </h3>
                <p className="text-xs font-medium uppercase tracking-wide text-muted">{system.kind}</p>
                <p className="mt-2 flex-1 text-sm text-muted">{system.summary}</p>
                {stat ? (
                  <p className="mt-4 text-sm text-fg" data-testid="system-stat">
                    <span className="text-xl font-semibold tabular-nums">{numberFormat.format(stat.value)}</span>{" "}
                    <span className="text-muted">{stat.label}</span>
                  </p>
                ) : stats.isPending ? (
                  <Skeleton className="mt-4 h-7 w-32" />
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}

function PlatformNumbers({ stats, loading, failed }: { stats: HomeStats | undefined; loading: boolean; failed: boolean }) {
  const items: Array<{ label: string; value: number | undefined }> = [
    { label: "people", value: stats?.users },
    { label: "active sessions", value: stats?.activeSessions },
    { label: "notifications sent", value: stats?.notifications },
  ];
  return (
    <section aria-label="Live platform numbers" aria-busy={loading} className="rounded-xl border border-border bg-surface px-5 py-4">
      {failed ? (
        <p role="status" className="text-sm text-muted">
          Live numbers are unavailable right now; they will return on their own.
        </p>
      ) : (
        <dl className="grid grid-cols-3 gap-4">
          {items.map((item) => (
            <div key={item.label}>
              <dt className="text-xs text-muted sm:text-sm">{item.label}</dt>
              <dd className="mt-1 text-xl font-semibold tabular-nums text-fg sm:text-2xl">
                {item.value === undefined ? <Skeleton className="h-7 w-16" /> : numberFormat.format(item.value)}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
