"use client";

import { useEffect, useMemo, useState, type ComponentType } from "react";
import type * as MapLibreKit from "react-map-gl/maplibre";
import type { MapLayerMouseEvent, MapProps, MapRef } from "react-map-gl/maplibre";
import { DEMO_CITY } from "@/server/rides/demo-city/city";
import { CarIcon, MovingCar, PinMarker } from "./markers";
import { surgeGeoJson } from "./surge-cells";
import type { LatLng, RideMapLayers } from "./types";

/**
 * The map itself, written once for both drawing libraries: react-map-gl
 * gives maplibre-gl and mapbox-gl the same components, so the caller passes
 * the kit (maplibre-canvas.tsx or mapbox-canvas.tsx) and its style.
 */
export type MapKit = {
  Map: ComponentType<MapProps>;
  Marker: typeof MapLibreKit.Marker;
  Source: typeof MapLibreKit.Source;
  Layer: typeof MapLibreKit.Layer;
  NavigationControl: typeof MapLibreKit.NavigationControl;
};

export type MapCanvasProps = RideMapLayers & {
  kit: MapKit;
  mapStyle: MapProps["mapStyle"];
  /** Props only one library knows (mapbox-gl's access token). */
  libraryProps?: Record<string, unknown>;
};

const ROUTE_COLOUR = "#2563eb";

export function MapCanvas({ kit, mapStyle, libraryProps, pickup, dropoff, onPickupMove, onDropoffMove, onPick, route, drivers, car, surge }: MapCanvasProps) {
  const { Map, Marker, Source, Layer, NavigationControl } = kit;
  const routeLine = useMemo(
    () => (route && route.length > 1 ? { type: "Feature" as const, properties: {}, geometry: { type: "LineString" as const, coordinates: route.map(({ lat, lng }) => [lng, lat]) } } : null),
    [route],
  );
  const surgeCells = useMemo(() => (surge && surge.length > 0 ? surgeGeoJson(surge) : null), [surge]);
  const [map, setMap] = useState<MapRef | null>(null);
  useKeepInView(map, [pickup, dropoff]);

  return (
    <Map
      {...libraryProps}
      initialViewState={{ longitude: DEMO_CITY.center.lng, latitude: DEMO_CITY.center.lat, zoom: DEMO_CITY.zoom }}
      mapStyle={mapStyle}
      style={{ width: "100%", height: "100%" }}
      minZoom={3}
      maxZoom={18}
      dragRotate={false}
      cursor={onPick ? "crosshair" : undefined}
      onLoad={(event) => setMap(event.target as unknown as MapRef)}
      onClick={onPick ? (event: MapLayerMouseEvent) => onPick({ lat: event.lngLat.lat, lng: event.lngLat.lng }) : undefined}
    >
      <NavigationControl showCompass={false} position="top-right" />
      {surgeCells ? (
        <Source id="surge" type="geojson" data={surgeCells}>
          <Layer
            id="surge"
            type="fill"
            paint={{
              "fill-color": ["interpolate", ["linear"], ["get", "multiplier"], 1, "#fde68a", 1.75, "#f97316", 2.5, "#dc2626"],
              "fill-opacity": ["interpolate", ["linear"], ["get", "multiplier"], 1, 0.05, 2.5, 0.45],
            }}
          />
        </Source>
      ) : null}
      {routeLine ? (
        <Source id="route" type="geojson" data={routeLine}>
          <Layer id="route-casing" type="line" layout={{ "line-cap": "round", "line-join": "round" }} paint={{ "line-color": "#ffffff", "line-width": 8 }} />
          <Layer id="route" type="line" layout={{ "line-cap": "round", "line-join": "round" }} paint={{ "line-color": ROUTE_COLOUR, "line-width": 5 }} />
        </Source>
      ) : null}
      {drivers?.map((driver) => (
        <Marker key={driver.id} longitude={driver.lng} latitude={driver.lat} rotation={driver.heading ?? 0} rotationAlignment="map">
          <div data-testid="driver-marker">
            <CarIcon tone="available" />
          </div>
        </Marker>
      ))}
      {car ? <MovingCar Marker={Marker} car={car} /> : null}
      {pickup ? <PinMarker Marker={Marker} kind="pickup" pin={pickup} onMove={onPickupMove} /> : null}
      {dropoff ? <PinMarker Marker={Marker} kind="dropoff" pin={dropoff} onMove={onDropoffMove} /> : null}
    </Map>
  );
}

/**
 * A pin chosen off screen (a place typed, the browser's location) is brought
 * into view, together with the other pin; pins already in view leave the
 * camera alone, so dragging one never makes the map jump.
 */
function useKeepInView(map: MapRef | null, pins: readonly (LatLng | null | undefined)[]): void {
  const points = pins.filter((pin): pin is LatLng => Boolean(pin));
  const key = points.map(({ lat, lng }) => `${lat},${lng}`).join(";");
  useEffect(() => {
    if (!map || points.length === 0) return;
    const view = map.getBounds();
    if (points.every(({ lat, lng }) => view.contains([lng, lat]))) return;
    const lngs = points.map(({ lng }) => lng);
    const lats = points.map(({ lat }) => lat);
    const duration = window.matchMedia("(prefers-reduced-motion: reduce)").matches ? 0 : 600;
    map.fitBounds([Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)], { padding: 80, maxZoom: 15, duration });
    // `key` stands for the points' coordinates.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, key]);
}
