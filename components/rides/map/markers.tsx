"use client";

import { useEffect, useRef, useState, type ComponentType, type KeyboardEvent, type ReactNode } from "react";
import type { MarkerDragEvent, MarkerInstance, MarkerProps } from "react-map-gl/maplibre";
import type { LatLng } from "@/server/rides/demo-city/geo";
import { glide, glideDuration, nextPose, type Pose } from "./glide";
import type { MapCar, MapPin } from "./types";

type MarkerComponent = ComponentType<MarkerProps & { ref?: React.Ref<MarkerInstance> }>;

/** One arrow-key press moves a focused pin by about 50 m. */
const KEY_STEP_DEGREES = 0.00045;
const KEY_MOVES: Record<string, [dLat: number, dLng: number]> = {
  ArrowUp: [KEY_STEP_DEGREES, 0],
  ArrowDown: [-KEY_STEP_DEGREES, 0],
  ArrowLeft: [0, -KEY_STEP_DEGREES * 1.27],
  ArrowRight: [0, KEY_STEP_DEGREES * 1.27],
};

const PIN_COLOURS = { pickup: "#047857", dropoff: "#b91c1c" } as const;

/** A pickup or drop-off pin: draggable, and focusable so the arrow keys move it. */
export function PinMarker({ Marker, kind, pin, onMove }: { Marker: MarkerComponent; kind: "pickup" | "dropoff"; pin: MapPin; onMove?: (point: LatLng) => void }) {
  const name = kind === "pickup" ? "Pickup" : "Drop-off";
  const onKeyDown = (event: KeyboardEvent) => {
    const move = KEY_MOVES[event.key];
    if (!move || !onMove) return;
    event.preventDefault();
    onMove({ lat: pin.lat + move[0], lng: pin.lng + move[1] });
  };
  return (
    <Marker
      longitude={pin.lng}
      latitude={pin.lat}
      anchor="bottom"
      draggable={Boolean(onMove)}
      onDragEnd={(event: MarkerDragEvent) => onMove?.({ lat: event.lngLat.lat, lng: event.lngLat.lng })}
    >
      <div
        role="button"
        tabIndex={0}
        data-testid={`${kind}-pin`}
        aria-label={`${name} pin: ${pin.label}.${onMove ? " Drag it, or use the arrow keys, to move it." : ""}`}
        onKeyDown={onKeyDown}
        className="cursor-grab rounded-full focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
      >
        <svg aria-hidden="true" viewBox="0 0 24 32" className="h-9 w-7 drop-shadow">
          <path d="M12 0C5.4 0 0 5.2 0 11.7 0 20.5 12 32 12 32s12-11.5 12-20.3C24 5.2 18.6 0 12 0Z" fill={PIN_COLOURS[kind]} />
          <circle cx="12" cy="11.5" r="4.5" fill="#fff" />
        </svg>
      </div>
    </Marker>
  );
}

/** A car seen from above, pointing north: markers rotate it to the car's heading. */
export function CarIcon({ tone }: { tone: "available" | "matched" }): ReactNode {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 32" className={tone === "matched" ? "h-8 w-5 drop-shadow-md" : "h-6 w-4 opacity-90"}>
      <rect x="1" y="1" width="18" height="30" rx="6" fill={tone === "matched" ? "#111827" : "#4b5563"} stroke="#fff" strokeWidth="1.5" />
      <rect x="4" y="7" width="12" height="6" rx="2" fill="#93c5fd" />
      <rect x="4" y="21" width="12" height="4" rx="1.5" fill="#93c5fd" />
    </svg>
  );
}

/**
 * The matched driver's car. Position updates arrive every few seconds; between
 * them the car glides (each animation frame moves the marker directly, without
 * re-rendering React) so it arrives as the next update comes, turning the
 * short way to its heading. With reduced motion it jumps instead.
 */
export function MovingCar({ Marker, car }: { Marker: MarkerComponent; car: MapCar }) {
  const markerRef = useRef<MarkerInstance>(null);
  const [first] = useState<Pose>(() => ({ lat: car.lat, lng: car.lng, heading: car.heading ?? 0 }));
  const shown = useRef<Pose>(first);
  const lastUpdateAt = useRef<number | undefined>(undefined);

  const { lat, lng, heading } = car;
  useEffect(() => {
    const now = performance.now();
    const from = shown.current;
    const to = nextPose(from, { lat, lng, heading });
    const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    const duration = reducedMotion ? 0 : glideDuration(lastUpdateAt.current === undefined ? undefined : now - lastUpdateAt.current);
    lastUpdateAt.current = now;
    let frame = 0;
    const step = (time: number) => {
      const pose = glide(from, to, duration === 0 ? 1 : (time - now) / duration);
      shown.current = pose;
      markerRef.current?.setLngLat([pose.lng, pose.lat]);
      markerRef.current?.setRotation(pose.heading);
      if (time - now < duration) frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [lat, lng, heading]);

  return (
    <Marker ref={markerRef} longitude={first.lng} latitude={first.lat} rotation={first.heading} rotationAlignment="map">
      <div data-testid="matched-car">
        <CarIcon tone="matched" />
      </div>
    </Marker>
  );
}
