"use client";

import { useCallback, useMemo, useState, type ReactNode } from "react";
import { RideMap, type RideMapLayers } from "@/components/rides/map/ride-map";
import type { MapSettings } from "@/server/platform/map-settings";
import type { LatLng } from "@/server/rides/demo-city/geo";
import { routeBetween } from "@/server/rides/demo-city/roads";
import { describePoint } from "./describe-point";
import { WhereTo, type WhereToField, type WhereToValue } from "./where-to";

/**
 * The rider's map and where-to form together: a place typed, a click on the
 * map, a dragged pin or the browser's location set the pickup and drop-off,
 * and the route between them is drawn along the demo city's roads. The
 * choice is reported through `onChange`; what else the map shows (drivers, the
 * matched car, surge) and the panel under the form come from the caller.
 * While a trip is open its places are `locked`: the map shows them (also after
 * a reload, when nothing was chosen on this page) and nothing moves them.
 */
export function RidePlanner({
  settings,
  onChange,
  locked,
  map,
  children,
}: {
  settings: MapSettings;
  onChange?: (value: WhereToValue) => void;
  locked?: WhereToValue | null;
  map?: Pick<RideMapLayers, "drivers" | "car" | "surge"> & { carDescription?: string | null };
  children?: ReactNode;
}) {
  const [value, setValue] = useState<WhereToValue>({ pickup: null, dropoff: null });
  const [mapTarget, setMapTarget] = useState<WhereToField>("pickup");

  const update = useCallback(
    (next: WhereToValue) => {
      setValue(next);
      onChange?.(next);
    },
    [onChange],
  );
  const placeAt = (field: WhereToField) => (point: LatLng) => update({ ...value, [field]: { ...point, label: describePoint(point) } });
  const onPick = (point: LatLng) => {
    placeAt(mapTarget)(point);
    // The first click sets the pickup; the next one the drop-off.
    if (mapTarget === "pickup" && !value.dropoff) setMapTarget("dropoff");
  };
  const shown = locked ?? value;
  const route = useMemo(() => (shown.pickup && shown.dropoff ? routeBetween(shown.pickup, shown.dropoff).path : null), [shown.pickup, shown.dropoff]);

  return (
    <div className="grid gap-6 lg:grid-cols-[22rem_1fr]">
      <div className="space-y-6">
        {locked ? null : <WhereTo value={value} onChange={update} mapTarget={mapTarget} onMapTargetChange={setMapTarget} />}
        {children}
      </div>
      <RideMap
        settings={settings}
        pickup={shown.pickup}
        dropoff={shown.dropoff}
        onPickupMove={locked ? undefined : placeAt("pickup")}
        onDropoffMove={locked ? undefined : placeAt("dropoff")}
        onPick={locked ? undefined : onPick}
        route={route}
        drivers={map?.drivers}
        car={map?.car}
        surge={map?.surge}
        carDescription={map?.carDescription}
      />
    </div>
  );
}
