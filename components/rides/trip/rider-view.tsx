"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import type { MapSettings } from "@/server/platform/map-settings";
import { DEMO_CITY } from "@/server/rides/demo-city/city";
import type { TripView } from "@/server/rides/trips/trip-view";
import { describePoint } from "../where-to/describe-point";
import { RidePlanner } from "../where-to/ride-planner";
import type { WhereToPoint, WhereToValue } from "../where-to/where-to";
import { RiderPanel, type RidePlace, type RiderTripState } from "./rider-panel";

/** The heat layer follows demand within a poll; the rider's own request refreshes it at once (RiderPanel). */
const SURGE_POLL_MS = 15_000;

/**
 * The rider's page: where to (form and map) with the trip panel under the
 * form; the trip's driver glides on the same map while they come, over the
 * surge heat layer around the pickup (or the city's centre before one is set).
 */
export function RiderView({ settings }: { settings: MapSettings }) {
  const trpc = useTRPC();
  const [places, setPlaces] = useState<WhereToValue>({ pickup: null, dropoff: null });
  const viewer = places.pickup ?? DEMO_CITY.center;
  const surge = useQuery({ ...trpc.rides.rider.surge.queryOptions({ lat: viewer.lat, lng: viewer.lng }), refetchInterval: SURGE_POLL_MS, placeholderData: (previous) => previous });
  const [tripState, setTripState] = useState<RiderTripState>({ trip: null, driverPosition: null });
  const driver = tripState.trip?.driver ?? null;
  // The open trip's own places, not this page's last choice: after a reload (or on another device) there is none.
  // One object per trip, so the route is not drawn again at every poll of the trip.
  const openTrip = tripState.trip;
  const tripPlaces = useMemo(() => (openTrip ? { pickup: tripPoint(openTrip.pickup), dropoff: tripPoint(openTrip.dropoff) } : null), [openTrip?.id]); // eslint-disable-line react-hooks/exhaustive-deps -- a trip's places never change
  return (
    <RidePlanner
      settings={settings}
      onChange={setPlaces}
      locked={tripPlaces}
      map={{
        car: tripState.driverPosition,
        carDescription: driver ? `${driver.name}'s ${driver.car} (${driver.plate})` : null,
        surge: surge.data?.cells,
      }}
    >
      <RiderPanel pickup={ridePlace(places.pickup)} dropoff={ridePlace(places.dropoff)} onTripState={setTripState} />
    </RidePlanner>
  );
}

function tripPoint(place: TripView["pickup"]): WhereToPoint {
  return { lat: place.lat, lng: place.lng, label: place.name || describePoint(place) };
}

function ridePlace(point: WhereToPoint | null): RidePlace | null {
  return point ? { lat: point.lat, lng: point.lng, name: point.label } : null;
}
