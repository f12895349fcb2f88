"use client";

import "mapbox-gl/dist/mapbox-gl.css";
import * as mapbox from "react-map-gl/mapbox";
import { MapCanvas, type MapCanvasProps, type MapKit } from "./map-canvas";

/**
 * react-map-gl's mapbox components take the same props as its maplibre ones
 * (the canvas uses only that common part); their types differ only in the
 * library's own classes, hence the cast.
 */
const kit = mapbox as unknown as MapKit;

/**
 * mapbox-gl with a Mapbox style and the configured public token: the real
 * streets. Loaded only in the browser, and only when a token is set
 * (ride-map.tsx), so the offline default never downloads mapbox-gl.
 */
export default function MapboxCanvas({ token, styleUrl, ...layers }: Omit<MapCanvasProps, "kit" | "mapStyle" | "libraryProps"> & { token: string; styleUrl: string }) {
  return <MapCanvas kit={kit} mapStyle={styleUrl} libraryProps={{ mapboxAccessToken: token }} {...layers} />;
}
