"use client";

import { useState } from "react";
import type { MapSettings } from "@/server/platform/map-settings";
import { RidePlanner } from "../where-to/ride-planner";
import type { WhereToPoint, WhereToValue } from "../where-to/where-to";
import { RiderPanel, type RidePlace, type RiderTripState } from "./rider-panel";

/**
 * The rider's page: where to (form and map) with the trip panel under the
 * form; the trip's driver glides on the same map while they come.
 */
export function RiderView({ settings }: { settings: MapSettings }) {
  const [places, setPlaces] = useState<WhereToValue>({ pickup: null, dropoff: null });
  const [tripState, setTripState] = useState<RiderTripState>({ trip: null, driverPosition: null });
  const driver = tripState.trip?.driver ?? null;
  return (
    <RidePlanner
      settings={settings}
      onChange={setPlaces}
      map={{
        car: tripState.driverPosition,
        carDescription: driver ? `${driver.name}'s ${driver.car} (${driver.plate})` : null,
      }}
    >
      <RiderPanel pickup={ridePlace(places.pickup)} dropoff={ridePlace(places.dropoff)} onTripState={setTripState} />
    </RidePlanner>
  );
}

function ridePlace(point: WhereToPoint | null): RidePlace | null {
  return point ? { lat: point.lat, lng: point.lng, name: point.label } : null;
}
