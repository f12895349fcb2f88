"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/client";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadError } from "@/components/ui/load-error";
import { LoadMore } from "@/components/ui/load-more";
import { formatMoney } from "@/components/ui/money";
import { Skeleton } from "@/components/ui/skeleton";
import { describeStatus } from "@/server/rides/trips/trip-states";
import type { TripView } from "@/server/rides/trips/trip-view";
import { formatTripDate, paymentLabel } from "./receipt-lines";

const PAGE_SIZE = 10;

/** "Your trips": the rider's finished trips, newest first, each opening its receipt. */
export function TripHistory() {
  const trpc = useTRPC();
  const pages = useInfiniteQuery(trpc.rides.rider.history.infiniteQueryOptions({ limit: PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  return (
    // Not a named <section>: a "Your trips" region would share its name's start with the trip panel's "Your trip".
    <div className="space-y-3">
      <h2 className="text-lg font-semibold">Your trips</h2>
      {pages.isPending ? (
        <Card role="status" aria-busy="true" aria-label="Loading your trips" className="space-y-3 p-5">
          <Skeleton className="h-4 w-2/3" />
          <Skeleton className="h-4 w-1/2" />
        </Card>
      ) : pages.isError ? (
        <LoadError title="Could not load your trips" message={pages.error.message} onRetry={() => void pages.refetch()} />
      ) : pages.data.pages[0]?.items.length === 0 ? (
        <EmptyState title="No trips yet" description="Your finished rides show up here, each with its receipt." />
      ) : (
        <>
          <Card className="overflow-hidden">
            <ul className="divide-y divide-border" aria-label="Your trips">
              {pages.data.pages.flatMap((page) => page.items).map((trip) => (
                <TripRow key={trip.id} trip={trip} />
              ))}
            </ul>
          </Card>
          <LoadMore pages={pages} items="trips" />
        </>
      )}
    </div>
  );
}

function TripRow({ trip }: { trip: TripView }) {
  const payment = paymentLabel(trip);
  const charged = trip.status === "completed" ? trip.fareCents : trip.amountDueCents;
  return (
    <li className="flex flex-wrap items-center gap-x-4 gap-y-1 px-5 py-3">
      <div className="min-w-0 flex-1">
        <p className="font-medium">
          {trip.pickup.name || "Pickup"} → {trip.dropoff.name || "Drop-off"}
        </p>
        <p className="text-sm text-muted">
          {formatTripDate(trip.createdAt)} · {trip.driver ? trip.driver.name : describeStatus(trip.status)}
          {trip.rating ? ` · you rated ${"★".repeat(trip.rating.stars)}` : trip.status === "completed" ? " · not rated" : ""}
        </p>
      </div>
      <span className="font-medium tabular-nums">{formatMoney(charged, trip.currency)}</span>
      <Badge tone={payment.tone}>{payment.text}</Badge>
      <Link href={`/rides/trips/${trip.id}`} className="text-sm text-accent-text underline" aria-label={`Receipt for ${trip.pickup.name || "pickup"} to ${trip.dropoff.name || "drop-off"}, ${formatTripDate(trip.createdAt)}`}>
        Receipt
      </Link>
    </li>
  );
}

