"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/client";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadError } from "@/components/ui/load-error";
import { formatMoney } from "@/components/ui/money";
import { Skeleton } from "@/components/ui/skeleton";
import { describeStatus } from "@/server/rides/trips/trip-states";
import { formatTripDate, paymentLabel, receiptLines } from "./receipt-lines";

/** One trip's receipt, for its rider or driver: route, driver and car, the fare line by line, payment, rating and timeline. */
export function TripReceipt({ tripId }: { tripId: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.rides.trip.queryOptions({ tripId }));
  if (query.isPending) {
    return (
      <div role="status" aria-label="Loading the receipt">
        <Skeleton className="h-72 w-full max-w-xl" />
      </div>
    );
  }
  if (query.isError) {
    // Someone else's trip answers the same as none: another try cannot change it.
    return query.error.data?.code === "NOT_FOUND" ? (
      <EmptyState
        title="This trip is not here"
        description="Receipts are for the trip's rider and driver."
        action={
          <Link href="/rides" className={buttonClasses({ variant: "secondary" })}>
            Back to Rides
          </Link>
        }
      />
    ) : (
      <LoadError title="Could not load this trip" message={query.error.message} onRetry={() => void query.refetch()} />
    );
  }
  const trip = query.data;
  const lines = receiptLines(trip);
  const payment = paymentLabel(trip);
  const total = lines.reduce((sum, line) => sum + line.cents, 0);
  return (
    <Card role="region" aria-label="Receipt" className="max-w-xl">
      <CardHeader>
        <CardTitle>
          {trip.pickup.name || "Pickup"} → {trip.dropoff.name || "Drop-off"}
        </CardTitle>
        <p className="text-sm text-muted">
          {formatTripDate(trip.createdAt)} · {describeStatus(trip.status)}
          {trip.cancelReason ? ` (${trip.cancelReason})` : ""}
        </p>
      </CardHeader>
      <CardBody className="space-y-4">
        {trip.driver ? (
          <p>
            {trip.role === "rider" ? "Driver" : "Rider"}: <strong>{trip.role === "rider" ? trip.driver.name : trip.riderName}</strong>
            {trip.role === "rider" ? (
              <>
                {" "}
                · {trip.driver.car} · <span className="font-mono">{trip.driver.plate}</span> · ★ {trip.driver.rating.toFixed(2)}
              </>
            ) : null}
          </p>
        ) : null}
        <table className="w-full text-sm">
          <caption className="sr-only">Fare</caption>
          <tbody>
            {lines.map((line) => (
              <tr key={line.label}>
                <th scope="row" className="py-1 text-left font-normal">
                  {line.label}
                </th>
                <td className="py-1 text-right tabular-nums">{formatMoney(line.cents, trip.currency)}</td>
              </tr>
            ))}
            <tr className="border-t border-border font-semibold">
              <th scope="row" className="pt-2 text-left">
                Total
              </th>
              <td className="pt-2 text-right tabular-nums">{formatMoney(total, trip.currency)}</td>
            </tr>
          </tbody>
        </table>
        <p className="flex items-center gap-2">
          Payment: <Badge tone={payment.tone}>{payment.text}</Badge>
        </p>
        {trip.status === "completed" ? <p>{trip.rating ? `Rating: ${"★".repeat(trip.rating.stars)} (${trip.rating.stars} of 5)` : "Not rated yet."}</p> : null}
        <ol className="space-y-1 text-sm text-muted" aria-label="Timeline">
          {trip.events.map((event) => (
            <li key={`${event.status}-${new Date(event.at).getTime()}`}>
              {formatTripDate(event.at)}: {describeStatus(event.status)}
            </li>
          ))}
        </ol>
        <Link href="/rides" className="text-sm text-accent-text underline">
          Back to Rides
        </Link>
      </CardBody>
    </Card>
  );
}
