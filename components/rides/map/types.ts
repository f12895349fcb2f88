import type { LatLng } from "@/server/rides/demo-city/geo";
import type { SurgeCell } from "./surge-cells";

export type { LatLng } from "@/server/rides/demo-city/geo";
export type { SurgeCell } from "./surge-cells";

/** A pickup or drop-off pin and the words that describe it (shown beside the map). */
export type MapPin = LatLng & { label: string };
/** An available driver near the rider. */
export type MapDriver = LatLng & { id: string; heading?: number | null };
/** The matched driver's latest position update; the map glides the car to it. */
export type MapCar = LatLng & { heading?: number | null };

/** What the map shows and what it reports; every prop is optional but the settings. */
export type RideMapLayers = {
  pickup?: MapPin | null;
  dropoff?: MapPin | null;
  /** Dragging a pin (or moving it with the arrow keys) reports where it was dropped. */
  onPickupMove?: (point: LatLng) => void;
  onDropoffMove?: (point: LatLng) => void;
  /** A click (or tap) on the map. */
  onPick?: (point: LatLng) => void;
  /** The trip's way along the roads. */
  route?: readonly LatLng[] | null;
  drivers?: readonly MapDriver[];
  car?: MapCar | null;
  surge?: readonly SurgeCell[];
};
