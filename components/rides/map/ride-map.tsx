"use client";

import dynamic from "next/dynamic";
import { Component, useCallback, useId, useState, type ReactNode } from "react";
import type { MapSettings } from "@/server/platform/map-settings";
import { pathLengthMeters } from "@/server/rides/demo-city/geo";
import { cn } from "@/components/ui/cn";
import type { RideMapLayers } from "./types";

export type * from "./types";

// maplibre-gl and mapbox-gl need a browser (WebGL, window): never rendered on the server, and only the one in use is downloaded.
const MapLibreCanvas = dynamic(() => import("./maplibre-canvas"), { ssr: false });
const MapboxCanvas = dynamic(() => import("./mapbox-canvas"), { ssr: false });

export type RideMapProps = RideMapLayers & {
  /** From mapSettings() on the server: the offline basemap, or Mapbox with a token. */
  settings: MapSettings;
  /** The matched driver in words for the text beside the map, e.g. "Dan in a grey Prius, 3 min away". */
  carDescription?: string | null;
  className?: string;
};

/**
 * The Rides map: pins, route, drivers, the matched car and surge cells on the
 * offline basemap (maplibre-gl) or Mapbox's streets (mapbox-gl, with a token).
 * Everything it shows is also said in words right under it, for people who
 * cannot see the canvas.
 */
export function RideMap({ settings, carDescription, className, ...layers }: RideMapProps) {
  const summaryId = useId();
  const [loadFailed, setLoadFailed] = useState(false);
  const onLoadError = useCallback(() => setLoadFailed(true), []);
  return (
    <div className={cn("space-y-3", className)}>
      <div
        role="region"
        aria-label="Map"
        aria-describedby={summaryId}
        data-testid="ride-map"
        // The libraries' attribution links differ from their text by colour only: underlined (important: their own stylesheet is unlayered, so it beats Tailwind's layer), they stand out for everyone.
        className="relative h-[55vh] min-h-72 overflow-hidden rounded-xl border border-border bg-[#a8d5f2] [&_.mapboxgl-ctrl-attrib_a]:underline! [&_.maplibregl-ctrl-attrib_a]:underline!"
      >
        {loadFailed ? (
          <MapUnavailable>The map could not be loaded. The addresses below still work.</MapUnavailable>
        ) : (
          <CanvasBoundary>
            {settings.provider === "mapbox" ? (
              <MapboxCanvas token={settings.token} styleUrl={settings.styleUrl} {...layers} />
            ) : (
              <MapLibreCanvas styleUrl={settings.styleUrl} workerUrl={settings.workerUrl} onLoadError={onLoadError} {...layers} />
            )}
          </CanvasBoundary>
        )}
      </div>
      <MapSummary id={summaryId} carDescription={carDescription} {...layers} />
    </div>
  );
}

/** The map in words: the pins' addresses, the route, the driver. */
function MapSummary({ id, pickup, dropoff, route, drivers, car, carDescription, surge }: RideMapLayers & { id: string; carDescription?: string | null }) {
  const routeKm = route && route.length > 1 ? pathLengthMeters(route) / 1000 : null;
  const highestSurge = surge && surge.length > 0 ? Math.max(...surge.map((cell) => cell.multiplier)) : null;
  return (
    <dl id={id} data-testid="map-summary" className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
      <dt className="font-medium text-fg">Pickup</dt>
      <dd className="text-muted">{pickup ? pickup.label : "Not set yet"}</dd>
      <dt className="font-medium text-fg">Drop-off</dt>
      <dd className="text-muted">{dropoff ? dropoff.label : "Not set yet"}</dd>
      {routeKm !== null ? (
        <>
          <dt className="font-medium text-fg">Route</dt>
          <dd className="text-muted">{routeKm.toFixed(1)} km by road</dd>
        </>
      ) : null}
      {car || carDescription ? (
        <>
          <dt className="font-medium text-fg">Your driver</dt>
          <dd className="text-muted" aria-live="polite">{carDescription ?? "On the way"}</dd>
        </>
      ) : drivers && drivers.length > 0 ? (
        <>
          <dt className="font-medium text-fg">Drivers</dt>
          <dd className="text-muted">{drivers.length === 1 ? "1 driver" : `${drivers.length} drivers`} nearby</dd>
        </>
      ) : null}
      {highestSurge !== null && highestSurge > 1 ? (
        <>
          <dt className="font-medium text-fg">Surge</dt>
          <dd className="text-muted">Busy areas shaded, prices up to {highestSurge.toFixed(1)}×</dd>
        </>
      ) : null}
    </dl>
  );
}

function MapUnavailable({ children }: { children: ReactNode }) {
  return (
    <div role="alert" className="absolute inset-0 flex items-center justify-center bg-surface-2 p-6 text-center text-sm text-muted">
      {children}
    </div>
  );
}

/** A browser without WebGL makes the map library throw: say so in place of the map instead of breaking the page. */
class CanvasBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    if (this.state.failed) return <MapUnavailable>This browser cannot draw the map (WebGL is off). The addresses below still work.</MapUnavailable>;
    return this.props.children;
  }
}
