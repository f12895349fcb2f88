"use client";

import { useCallback, useState } from "react";
import type { LatLng } from "@/server/rides/demo-city/geo";

export type LocationState = { status: "idle" } | { status: "locating" } | { status: "error"; message: string };

/** What to tell the person when the browser cannot give a position, by GeolocationPositionError code. */
const ERRORS: Record<number, string> = {
  1: "Location access was refused. Allow it in your browser's site settings, or type a place or click the map instead.",
  2: "Your location is not available right now. Type a place or click the map instead.",
  3: "Finding your location took too long. Try again, or type a place or click the map instead.",
};

/** The browser's geolocation, one reading at a time, with a clear message when it is refused or fails. */
export function useMyLocation(onFound: (point: LatLng & { accuracyMeters: number }) => void): { state: LocationState; locate: () => void } {
  const [state, setState] = useState<LocationState>({ status: "idle" });
  const locate = useCallback(() => {
    if (!("geolocation" in navigator)) {
      setState({ status: "error", message: "This browser cannot tell your location. Type a place or click the map instead." });
      return;
    }
    setState({ status: "locating" });
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setState({ status: "idle" });
        onFound({ lat: position.coords.latitude, lng: position.coords.longitude, accuracyMeters: position.coords.accuracy });
      },
      (error) => setState({ status: "error", message: ERRORS[error.code] ?? ERRORS[2] ?? "" }),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 30_000 },
    );
  }, [onFound]);
  return { state, locate };
}
