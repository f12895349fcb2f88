"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useChannelEvent } from "@/components/realtime/realtime-provider";
import { useTRPC } from "@/components/trpc/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { LoadError } from "@/components/ui/load-error";
import { formatMoney } from "@/components/ui/money";
import { Skeleton } from "@/components/ui/skeleton";
import { RIDES_EVENTS, tripChannel, type DriverLocationEvent } from "@/server/rides/rides-channels";
import { CANCEL_REASONS, describeStatus } from "@/server/rides/trips/trip-states";
import type { TripView } from "@/server/rides/trips/trip-view";
import { useNow } from "./use-now";

export type RidePlace = { lat: number; lng: number; name: string };
/** The trip on screen and its driver's latest position, for the page's map. */
export type RiderTripState = { trip: TripView | null; driverPosition: { lat: number; lng: number; heading: number | null } | null };

/**
 * The rider's side of Rides, beside the map (the page passes the chosen
 * pickup and drop-off): the estimate with its surge note and the nearest
 * driver's ETA, the request, the trip's live states with the driver's car and
 * the start code, cancel with a reason (and the fee it costs), retry after
 * "no drivers", pay (a failed payment stays due, with a retry), rate.
 */
export function RiderPanel({ pickup, dropoff, onTripState }: { pickup: RidePlace | null; dropoff: RidePlace | null; onTripState?: (state: RiderTripState) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery({ ...trpc.rides.rider.current.queryOptions(), refetchInterval: 5_000 });
  // A trip that ends joins "Your trips": both follow every status change.
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.rides.rider.current.queryKey() });
    void queryClient.invalidateQueries(trpc.rides.rider.history.pathFilter());
  };
  // One's own request adds demand at the pickup: the heat layer shows it at once rather than at its next poll.
  const requested = () => {
    refresh();
    void queryClient.invalidateQueries(trpc.rides.rider.surge.pathFilter());
  };
  const trip = current.data ?? null;
  const [live, setLive] = useState<DriverLocationEvent | null>(null);
  useChannelEvent(trip ? tripChannel(trip.id) : null, RIDES_EVENTS.tripStatus, refresh);
  useChannelEvent<DriverLocationEvent>(trip ? tripChannel(trip.id) : null, RIDES_EVENTS.driverLocation, setLive);
  const driverPosition = live && live.tripId === trip?.id ? { lat: live.lat, lng: live.lng, heading: live.heading } : trip?.driver?.position ? { ...trip.driver.position, heading: null } : null;
  useEffect(() => onTripState?.({ trip, driverPosition }), [trip, driverPosition?.lat, driverPosition?.lng]); // eslint-disable-line react-hooks/exhaustive-deps -- report on change of position, not identity

  if (current.isPending) return <Skeleton className="h-48 w-full" />;
  if (current.isError) return <LoadError title="Could not load your trip" message={current.error.message} onRetry={() => void current.refetch()} />;
  return trip ? <TripPanel trip={trip} onChanged={refresh} /> : <RequestPanel pickup={pickup} dropoff={dropoff} onRequested={requested} />;
}

function RequestPanel({ pickup, dropoff, onRequested }: { pickup: RidePlace | null; dropoff: RidePlace | null; onRequested: () => void }) {
  const trpc = useTRPC();
  const places = pickup && dropoff ? { pickup, dropoff } : null;
  const estimate = useQuery({ ...trpc.rides.rider.estimate.queryOptions(places ?? { pickup: { lat: 0, lng: 0, name: "" }, dropoff: { lat: 0, lng: 0, name: "" } }), enabled: places !== null });
  const request = useMutation(trpc.rides.rider.request.mutationOptions({ onSuccess: onRequested }));
  if (!places) {
    return (
      <Card>
        <CardBody>
          <p className="text-muted">Choose a pickup and a drop-off to see the fare.</p>
        </CardBody>
      </Card>
    );
  }
  return (
    <Card role="region" aria-label="Your ride">
      <CardHeader>
        <CardTitle>
          {places.pickup.name || "Pickup"} → {places.dropoff.name || "Drop-off"}
        </CardTitle>
      </CardHeader>
      <CardBody className="space-y-3">
        {estimate.isPending ? <Skeleton className="h-12 w-full" /> : null}
        {estimate.isError ? <Alert>{estimate.error.message}</Alert> : null}
        {estimate.data ? (
          <div className="space-y-1">
            <p className="text-2xl font-semibold">{formatMoney(estimate.data.fare.totalCents, estimate.data.currency)}</p>
            <p className="text-sm text-muted">
              {(estimate.data.route.distanceMeters / 1000).toFixed(1)} km · about {Math.max(1, Math.round(estimate.data.route.durationSeconds / 60))} min
            </p>
            {estimate.data.surging ? (
              <Alert tone="warning">High demand nearby: fares are {(estimate.data.fare.surgeHundredths / 100).toFixed(1)}× the usual price.</Alert>
            ) : null}
            <p className="text-sm">
              {estimate.data.nearestDriverEtaSeconds === null
                ? "No drivers nearby right now."
                : `Nearest driver about ${Math.max(1, Math.round(estimate.data.nearestDriverEtaSeconds / 60))} min away.`}
            </p>
          </div>
        ) : null}
        {request.isError ? <Alert>{request.error.message}</Alert> : null}
        <Button loading={request.isPending} disabled={!estimate.data} onClick={() => request.mutate(places)}>
          Request ride
        </Button>
      </CardBody>
    </Card>
  );
}

function TripPanel({ trip, onChanged }: { trip: TripView; onChanged: () => void }) {
  const trpc = useTRPC();
  const [error, setError] = useState<string | null>(null);
  const act = { onSuccess: onChanged, onError: (failure: { message: string }) => setError(failure.message), onMutate: () => setError(null) };
  const cancel = useMutation(trpc.rides.rider.cancel.mutationOptions(act));
  const retry = useMutation(trpc.rides.rider.retry.mutationOptions(act));
  const pay = useMutation(trpc.rides.rider.pay.mutationOptions({ ...act, onSuccess: ({ url }) => window.location.assign(url) }));
  const rate = useMutation(trpc.rides.rider.rate.mutationOptions(act));
  const [reason, setReason] = useState<(typeof CANCEL_REASONS)[number]>(CANCEL_REASONS[0]);
  const cancellable = ["requested", "matching", "assigned", "arriving", "no_drivers"].includes(trip.status);
  const owes = trip.amountDueCents > 0 && trip.paymentStatus !== "paid" && trip.paymentStatus !== "none";
  const now = useNow(5_000);
  const assignedFor = trip.assignedAt ? now - new Date(trip.assignedAt).getTime() : 0;
  return (
    <Card role="region" aria-label="Your trip">
      <CardHeader>
        <CardTitle role="status">{statusHeadline(trip)}</CardTitle>
      </CardHeader>
      <CardBody className="space-y-3">
        {error ? <Alert>{error}</Alert> : null}
        <p>
          {trip.pickup.name || "Pickup"} → {trip.dropoff.name || "Drop-off"} · {formatMoney(trip.fareCents, trip.currency)}
          {trip.surgeHundredths > 100 ? ` (${(trip.surgeHundredths / 100).toFixed(1)}× surge)` : ""}
        </p>
        {trip.driver ? (
          <p>
            <strong>{trip.driver.name}</strong> · {trip.driver.car} · <span className="font-mono">{trip.driver.plate}</span> · ★ {trip.driver.rating.toFixed(2)}
            {trip.driver.etaSeconds !== null ? ` · ${Math.max(1, Math.round(trip.driver.etaSeconds / 60))} min away` : ""}
          </p>
        ) : null}
        {trip.startCode && (trip.status === "assigned" || trip.status === "arriving") ? (
          <p>
            Tell your driver this code: <strong className="font-mono text-xl" aria-label={`Start code ${trip.startCode.split("").join(" ")}`}>{trip.startCode}</strong>
          </p>
        ) : null}
        {trip.status === "no_drivers" ? (
          <Button loading={retry.isPending} onClick={() => retry.mutate({ tripId: trip.id })}>
            Try again
          </Button>
        ) : null}
        {cancellable ? (
          <div className="flex flex-wrap items-end gap-2">
            <label className="text-sm">
              Reason
              <select className="ml-2 rounded border border-border bg-surface px-2 py-1" value={reason} onChange={(event) => setReason(event.target.value as typeof reason)}>
                {CANCEL_REASONS.map((option) => (
                  <option key={option}>{option}</option>
                ))}
              </select>
            </label>
            <Button variant="danger" loading={cancel.isPending} onClick={() => cancel.mutate({ tripId: trip.id, reason })}>
              Cancel ride
            </Button>
            {assignedFor > 120_000 ? <span className="text-sm text-warning">Cancelling now costs a fee.</span> : null}
          </div>
        ) : null}
        {owes ? (
          <div className="space-y-2">
            {trip.paymentStatus === "due" ? <Alert tone="warning">Payment due: {formatMoney(trip.amountDueCents, trip.currency)}.</Alert> : null}
            <Button loading={pay.isPending} onClick={() => pay.mutate({ tripId: trip.id })}>
              {trip.paymentStatus === "pending" ? "Retry payment" : `Pay ${formatMoney(trip.amountDueCents, trip.currency)}`}
            </Button>
          </div>
        ) : null}
        {trip.status === "completed" && !trip.rating ? (
          <div className="flex items-center gap-1" role="group" aria-label="Rate your driver">
            {[1, 2, 3, 4, 5].map((stars) => (
              <Button key={stars} variant="ghost" size="sm" aria-label={`${stars} star${stars > 1 ? "s" : ""}`} onClick={() => rate.mutate({ tripId: trip.id, stars })}>
                ★{stars}
              </Button>
            ))}
          </div>
        ) : null}
      </CardBody>
    </Card>
  );
}

function statusHeadline(trip: TripView): string {
  switch (trip.status) {
    case "matching":
      return "Finding you a driver…";
    case "no_drivers":
      return "No drivers available right now";
    case "assigned":
      return "Your driver is assigned";
    case "arriving":
      return "Your driver is on the way";
    case "in_progress":
      return "On your way";
    case "completed":
      return trip.paymentStatus === "paid" ? "Paid. Thanks for riding!" : "You have arrived";
    default:
      return `Trip ${describeStatus(trip.status)}`;
  }
}
