"use client";

import "maplibre-gl/dist/maplibre-gl.css";
import { setWorkerUrl, type StyleSpecification } from "maplibre-gl";
import { useEffect, useState } from "react";
import * as kit from "react-map-gl/maplibre";
import { MapCanvas, type MapCanvasProps } from "./map-canvas";
import { resolveStyleUrls } from "./offline-style";

type Props = Omit<MapCanvasProps, "kit" | "mapStyle" | "libraryProps"> & { styleUrl: string; workerUrl: string; onLoadError: () => void };

/**
 * maplibre-gl with the offline basemap from public/rides/basemap: every
 * request goes to this site. Loaded only in the browser (ride-map.tsx).
 */
export default function MapLibreCanvas({ styleUrl, workerUrl, onLoadError, ...layers }: Props) {
  const [style, setStyle] = useState<StyleSpecification | null>(null);
  useEffect(() => {
    let cancelled = false;
    Promise.all([loadStyle(styleUrl), loadShippedWorker(workerUrl)])
      .then(([loaded]) => {
        if (!cancelled) setStyle(resolveStyleUrls(loaded, window.location.origin));
      })
      .catch(() => {
        if (!cancelled) onLoadError();
      });
    return () => {
      cancelled = true;
    };
  }, [styleUrl, workerUrl, onLoadError]);
  if (!style) return null;
  return <MapCanvas kit={kit} mapStyle={style} {...layers} />;
}

async function loadStyle(url: string): Promise<StyleSpecification> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The map style answered ${response.status}`);
  return (await response.json()) as StyleSpecification;
}

let workerReady: Promise<void> | undefined;

/**
 * MapLibre 6 looks for its worker beside its own module file, which Next's
 * bundling moves: it is shipped in public/ instead. It runs from a blob: URL
 * made of that file, as MapLibre itself does for a worker on another origin,
 * so it works under the page's Content-Security-Policy (worker-src blob:,
 * connect-src 'self' for the tiles); loaded straight from its URL it would get
 * the static file's own policy, which allows no fetch at all.
 */
function loadShippedWorker(url: string): Promise<void> {
  workerReady ??= fetch(url)
    .then((response) => {
      if (!response.ok) throw new Error(`The map worker answered ${response.status}`);
      return response.blob();
    })
    .then((code) => setWorkerUrl(URL.createObjectURL(new Blob([code], { type: "text/javascript" }))))
    .catch((error: unknown) => {
      workerReady = undefined; // the next map tries again
      throw error;
    });
  return workerReady;
}
