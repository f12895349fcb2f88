"use client";

import { useCallback, useId } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { LatLng } from "@/server/rides/demo-city/geo";
import { PlaceCombobox } from "./place-combobox";
import { useMyLocation } from "./use-my-location";

export type WhereToPoint = LatLng & { label: string };
export type WhereToValue = { pickup: WhereToPoint | null; dropoff: WhereToPoint | null };
export type WhereToField = keyof WhereToValue;

/**
 * The pickup/drop-off form: type a place (autocomplete over the demo city's
 * named places), use the browser's location for the pickup, and choose which
 * of the two a click on the map sets. It only reports choices to its parent
 * (ride-planner.tsx), which also takes the map's clicks and drags; it calls no
 * server.
 */
export function WhereTo({
  value,
  onChange,
  mapTarget,
  onMapTargetChange,
}: {
  value: WhereToValue;
  onChange: (value: WhereToValue) => void;
  mapTarget: WhereToField;
  onMapTargetChange: (field: WhereToField) => void;
}) {
  const groupName = useId();
  const onFound = useCallback(
    (point: LatLng & { accuracyMeters: number }) =>
      onChange({ ...value, pickup: { lat: point.lat, lng: point.lng, label: `My location (within ${Math.round(point.accuracyMeters)} m)` } }),
    [onChange, value],
  );
  const { state: location, locate } = useMyLocation(onFound);

  return (
    <div className="space-y-4">
      <PlaceCombobox
        label="Pickup"
        placeholder="Where are you? e.g. Ferry Building"
        selectedLabel={value.pickup?.label ?? ""}
        onSelect={(place) => onChange({ ...value, pickup: { lat: place.lat, lng: place.lng, label: place.name } })}
        onFocus={() => onMapTargetChange("pickup")}
      />
      <div className="space-y-2">
        <Button type="button" variant="secondary" size="sm" onClick={locate} loading={location.status === "locating"}>
          Use my location
        </Button>
        {location.status === "error" ? <Alert tone="danger">{location.message}</Alert> : null}
      </div>
      <PlaceCombobox
        label="Drop-off"
        placeholder="Where to? e.g. Oracle Park"
        selectedLabel={value.dropoff?.label ?? ""}
        onSelect={(place) => onChange({ ...value, dropoff: { lat: place.lat, lng: place.lng, label: place.name } })}
        onFocus={() => onMapTargetChange("dropoff")}
      />
      <fieldset className="space-y-1.5">
        <legend className="text-sm font-medium text-fg">A click on the map sets</legend>
        <div className="flex gap-4 text-sm text-fg">
          {(["pickup", "dropoff"] as const).map((field) => (
            <label key={field} className="inline-flex items-center gap-2">
              <input type="radio" name={groupName} value={field} checked={mapTarget === field} onChange={() => onMapTargetChange(field)} className="accent-accent" />
              {field === "pickup" ? "the pickup" : "the drop-off"}
            </label>
          ))}
        </div>
        <p className="text-sm text-muted">Drag a pin to adjust it; a focused pin also moves with the arrow keys.</p>
      </fieldset>
    </div>
  );
}
