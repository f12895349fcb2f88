"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useChannelEvent } from "@/components/realtime/realtime-provider";
import { useTRPC } from "@/components/trpc/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { LoadError } from "@/components/ui/load-error";
import { formatMoney } from "@/components/ui/money";
import { Skeleton } from "@/components/ui/skeleton";
import { driverChannel, RIDES_EVENTS, tripChannel, type OfferEvent } from "@/server/rides/rides-channels";
import { describeStatus } from "@/server/rides/trips/trip-states";
import type { TripView } from "@/server/rides/trips/trip-view";
import { useLocationSender, type LocationSource } from "./use-location-sender";
import { useNow } from "./use-now";

/**
 * The driver's side of Rides (/rides/drive): register a car, go online or
 * offline, send the location (browser or simulated driving), answer offers
 * within their 15 seconds, take the trip through its states, see earnings.
 * Live through the driver's and the trip's channels, with a slow poll behind them.
 */
export function DriverPanel({ driverId }: { driverId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const dashboard = useQuery({ ...trpc.rides.driver.dashboard.queryOptions(), refetchInterval: 5_000 });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.rides.driver.dashboard.queryKey() });
  useChannelEvent(driverChannel(driverId), RIDES_EVENTS.offer, refresh);
  useChannelEvent(driverChannel(driverId), RIDES_EVENTS.offerClosed, refresh);
  const trip = dashboard.data?.trip ?? null;
  useChannelEvent(trip ? tripChannel(trip.id) : null, RIDES_EVENTS.tripStatus, refresh);

  const [source, setSource] = useState<LocationSource>("simulated");
  const target = trip ? (trip.status === "in_progress" ? trip.dropoff : trip.pickup) : null;
  const sent = useLocationSender({ online: dashboard.data?.online ?? false, source, target });

  const [error, setError] = useState<string | null>(null);
  const act = { onSuccess: refresh, onError: (failure: { message: string }) => setError(failure.message), onMutate: () => setError(null) };
  const goOnline = useMutation(trpc.rides.driver.goOnline.mutationOptions(act));
  const goOffline = useMutation(trpc.rides.driver.goOffline.mutationOptions(act));

  if (dashboard.isPending) return <Skeleton className="h-64 w-full" />;
  if (dashboard.isError) return <LoadError title="Could not load your driver dashboard" message={dashboard.error.message} onRetry={() => void dashboard.refetch()} />;
  const data = dashboard.data;
  if (!data.registered || !data.profile) return <RegisterCar onDone={refresh} />;

  return (
    <div className="grid gap-4 md:grid-cols-[2fr_1fr]">
      <div className="space-y-4">
        {error ? <Alert>{error}</Alert> : null}
        <Card>
          <CardBody className="flex flex-wrap items-center justify-between gap-3">
            <div>
              <p className="font-semibold" role="status">
                {data.online ? "You are online" : "You are offline"}
              </p>
              <p className="text-sm text-muted">
                {data.profile.car} · {data.profile.plate} · ★ {data.profile.rating.toFixed(2)} · {Math.round(data.profile.acceptanceRate * 100)}% accepted
              </p>
              {data.online && sent ? (
                <p className="text-xs text-muted">
                  {sent.error ?? `Location sent: ${sent.position.lat.toFixed(5)}, ${sent.position.lng.toFixed(5)}${sent.flagged ? " (low accuracy)" : ""}`}
                </p>
              ) : null}
            </div>
            <div className="flex items-center gap-3">
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={source === "simulated"} onChange={(event) => setSource(event.target.checked ? "simulated" : "browser")} />
                Simulate driving
              </label>
              {data.online ? (
                <Button variant="secondary" loading={goOffline.isPending} onClick={() => goOffline.mutate()}>
                  Go offline
                </Button>
              ) : (
                <Button loading={goOnline.isPending} onClick={() => goOnline.mutate()}>
                  Go online
                </Button>
              )}
            </div>
          </CardBody>
        </Card>
        {data.offer ? <OfferCard offer={data.offer} onAnswered={refresh} onError={setError} /> : null}
        {trip ? <TripCard trip={trip} onChanged={refresh} onError={setError} /> : null}
        {!data.offer && !trip ? (
          <Card>
            <CardBody>
              <p className="text-muted">{data.online ? "Waiting for ride requests near you…" : "Go online to receive ride requests."}</p>
            </CardBody>
          </Card>
        ) : null}
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Earnings</CardTitle>
        </CardHeader>
        <CardBody className="space-y-2">
          <p>
            Today: <strong>{formatMoney(data.earnings.todayCents, data.earnings.currency)}</strong> ({data.earnings.tripsToday} trips)
          </p>
          <p>
            This week: <strong>{formatMoney(data.earnings.weekCents, data.earnings.currency)}</strong> ({data.earnings.tripsThisWeek} trips)
          </p>
        </CardBody>
      </Card>
    </div>
  );
}

function OfferCard({ offer, onAnswered, onError }: { offer: OfferEvent; onAnswered: () => void; onError: (message: string) => void }) {
  const trpc = useTRPC();
  const act = { onSuccess: onAnswered, onError: (failure: { message: string }) => onError(failure.message) };
  const accept = useMutation(trpc.rides.driver.accept.mutationOptions(act));
  const decline = useMutation(trpc.rides.driver.decline.mutationOptions(act));
  const secondsLeft = useSecondsUntil(offer.expiresAt);
  return (
    <Card role="region" aria-label="Ride offer" className="border-accent">
      <CardHeader>
        <CardTitle>New ride request · {secondsLeft} s</CardTitle>
      </CardHeader>
      <CardBody className="space-y-3">
        <p>
          Pickup <strong>{offer.pickup.name || "on the map"}</strong>, {(offer.pickupMeters / 1000).toFixed(1)} km away → <strong>{offer.dropoff.name || "drop-off"}</strong>
        </p>
        <p>
          Fare <strong>{formatMoney(offer.fareCents, offer.currency)}</strong>
        </p>
        <div className="flex gap-2">
          <Button loading={accept.isPending} disabled={secondsLeft <= 0} onClick={() => accept.mutate({ offerId: offer.offerId })}>
            Accept
          </Button>
          <Button variant="secondary" loading={decline.isPending} onClick={() => decline.mutate({ offerId: offer.offerId })}>
            Decline
          </Button>
        </div>
      </CardBody>
    </Card>
  );
}

function TripCard({ trip, onChanged, onError }: { trip: TripView; onChanged: () => void; onError: (message: string) => void }) {
  const trpc = useTRPC();
  const act = { onSuccess: onChanged, onError: (failure: { message: string }) => onError(failure.message) };
  const navigate = useMutation(trpc.rides.driver.navigate.mutationOptions(act));
  const start = useMutation(trpc.rides.driver.start.mutationOptions(act));
  const complete = useMutation(trpc.rides.driver.complete.mutationOptions(act));
  const [code, setCode] = useState("");
  const submitCode = (event: FormEvent) => {
    event.preventDefault();
    start.mutate({ tripId: trip.id, code });
  };
  return (
    <Card role="region" aria-label="Current trip">
      <CardHeader>
        <CardTitle>
          Trip with {trip.riderName}: {describeStatus(trip.status)}
        </CardTitle>
      </CardHeader>
      <CardBody className="space-y-3">
        <p>
          {trip.pickup.name || "Pickup"} → {trip.dropoff.name || "Drop-off"} · {formatMoney(trip.fareCents, trip.currency)}
        </p>
        {trip.status === "assigned" ? (
          <Button loading={navigate.isPending} onClick={() => navigate.mutate({ tripId: trip.id })}>
            Navigate to pickup
          </Button>
        ) : null}
        {trip.status === "assigned" || trip.status === "arriving" ? (
          <form onSubmit={submitCode} className="flex items-end gap-2">
            <TextField label="Rider's 4-digit code" inputMode="numeric" pattern="\d{4}" maxLength={4} value={code} onChange={(event) => setCode(event.target.value)} required />
            <Button type="submit" loading={start.isPending}>
              Start trip
            </Button>
          </form>
        ) : null}
        {trip.status === "in_progress" ? (
          <Button loading={complete.isPending} onClick={() => complete.mutate({ tripId: trip.id })}>
            Complete trip
          </Button>
        ) : null}
      </CardBody>
    </Card>
  );
}

function RegisterCar({ onDone }: { onDone: () => void }) {
  const trpc = useTRPC();
  const [error, setError] = useState<string | null>(null);
  const register = useMutation(trpc.rides.driver.register.mutationOptions({ onSuccess: onDone, onError: (failure) => setError(failure.message) }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    register.mutate({ carMake: text("carMake"), carModel: text("carModel"), carColor: text("carColor"), plate: text("plate") });
  };
  return (
    <Card className="max-w-lg">
      <CardHeader>
        <CardTitle>Drive with Casebook</CardTitle>
      </CardHeader>
      <CardBody>
        <form onSubmit={submit} className="space-y-3">
          {error ? <Alert>{error}</Alert> : null}
          <TextField label="Make" name="carMake" required maxLength={40} />
          <TextField label="Model" name="carModel" required maxLength={40} />
          <TextField label="Colour" name="carColor" required maxLength={40} />
          <TextField label="Plate" name="plate" required minLength={2} maxLength={12} />
          <Button type="submit" loading={register.isPending}>
            Register my car
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}

/** Whole seconds until `iso`, ticking 4 times a second (0 once past). */
function useSecondsUntil(iso: string): number {
  const now = useNow(250);
  return Math.max(0, Math.ceil((new Date(iso).getTime() - now) / 1000));
}
