/**
 * Builds the offline basemap of the Rides map (`npm run rides:basemap`) from
 * npm data only, so the map draws land, water and roads with no outside
 * request:
 *
 * - public/rides/basemap/world-land.geojson: Natural Earth 1:50m land
 *   (world-atlas), cut at the antimeridian (antimeridian.ts), for zoomed-out views;
 * - server/rides/demo-city/land.json: Natural Earth 1:10m land clipped to the
 *   Bay (BASEMAP_REGION); the generated road network is laid on it (roads.ts);
 * - public/rides/basemap/tiles/{z}/{x}/{y}.pbf: vector tiles of the region
 *   (layers `region`, `land`, `roads`), zooms 8–12 (MapLibre overzooms them);
 * - public/rides/basemap/style.json: the MapLibre style that draws them;
 * - public/rides/maplibre-gl-worker.js: maplibre-gl's worker, copied from the
 *   installed package. MapLibre 6 loads it from a file next to its own module,
 *   which does not survive Next's bundling, so the map points it here
 *   (maplibre-canvas.tsx); a test checks the copy matches the installed version.
 *
 * The output is deterministic and small (well under 1 MB), so it is committed:
 * `npm start` and the tests need no build step. Run this again after changing
 * the region, the land source or the road generator, and commit the result.
 */
import { copyFile, mkdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from "geojson";
import GeoJSONVT from "geojson-vt";
import polygonClipping from "polygon-clipping";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import vtpbf from "vt-pbf";
import land10m from "world-atlas/land-10m.json" with { type: "json" };
import land50m from "world-atlas/land-50m.json" with { type: "json" };
import { BASEMAP_REGION, type Bounds } from "@/server/rides/demo-city/city";
import { splitAtAntimeridian } from "./antimeridian";
import { MAPLIBRE_WORKER_URL } from "@/server/platform/map-settings";
import { basemapStyle, BASEMAP_URL, TILE_MAX_ZOOM, TILE_MIN_ZOOM } from "./basemap-style";

const ROOT = path.resolve(import.meta.dirname, "../..");
const OUTPUT = path.join(ROOT, "public", BASEMAP_URL);
const CITY_LAND = path.join(ROOT, "server/rides/demo-city/land.json");

async function main(): Promise<void> {
  await rm(OUTPUT, { recursive: true, force: true });
  await mkdir(OUTPUT, { recursive: true });

  const world = worldLand();
  await writeJson(path.join(OUTPUT, "world-land.geojson"), world);

  const cityLand = regionLand(BASEMAP_REGION);
  await writeJson(CITY_LAND, cityLand);
  // roads.ts lays its grid on land.json: load it only once the file above is written.
  const { roadsGeoJson } = await import("@/server/rides/demo-city/roads");
  const tileCount = await writeTiles({
    region: featureCollection([{ type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [boxRing(BASEMAP_REGION)] } }]),
    land: featureCollection([{ type: "Feature", properties: {}, geometry: cityLand }]),
    roads: roadsGeoJson(),
  });
  await writeJson(path.join(OUTPUT, "style.json"), basemapStyle());
  await copyFile(installedMapLibreWorker(), path.join(ROOT, "public", MAPLIBRE_WORKER_URL));
  console.log(`basemap: world land, ${tileCount} tiles (zoom ${TILE_MIN_ZOOM}-${TILE_MAX_ZOOM}) and the style in public${BASEMAP_URL}`);
}

/** maplibre-gl's worker bundle in node_modules. */
export function installedMapLibreWorker(): string {
  return path.join(path.dirname(createRequire(import.meta.url).resolve("maplibre-gl/package.json")), "dist/maplibre-gl-worker.mjs");
}

/** The whole world's land at 1:50m, every polygon within [-180, 180]; coordinates kept to 0.001° (~100 m). */
function worldLand(): FeatureCollection {
  const topology = land50m as unknown as Topology<{ land: GeometryCollection }>;
  const land = feature(topology, topology.objects.land);
  const geometry = splitAtAntimeridian(land.features[0]?.geometry as Polygon | MultiPolygon);
  return featureCollection([{ type: "Feature", properties: {}, geometry: roundGeometry(geometry, 3) }]);
}

/** Land at 1:10m inside `bounds`, coordinates kept to 1e-5° (~1 m). */
function regionLand(bounds: Bounds): MultiPolygon {
  const topology = land10m as unknown as Topology<{ land: GeometryCollection }>;
  const land = feature(topology, topology.objects.land).features[0]?.geometry as MultiPolygon;
  const window = [boxRing(bounds) as [number, number][]];
  // Only polygons near the region: clipping the whole world at 1:10m is slow.
  const nearby = land.coordinates.filter((polygon) => polygon[0]?.some(([lng = 0, lat = 0]) => Math.abs(lng - bounds[0]) < 5 && Math.abs(lat - bounds[1]) < 5));
  const clipped = polygonClipping.intersection(nearby as [number, number][][][], window);
  return roundGeometry({ type: "MultiPolygon", coordinates: clipped }, 5);
}

async function writeTiles(layers: Record<string, FeatureCollection>): Promise<number> {
  const options = { maxZoom: TILE_MAX_ZOOM, indexMaxZoom: TILE_MAX_ZOOM, indexMaxPoints: 0, buffer: 64, extent: 4096 };
  const indexes = Object.entries(layers).map(([name, data]) => [name, new GeoJSONVT(data, options)] as const);
  let count = 0;
  for (let z = TILE_MIN_ZOOM; z <= TILE_MAX_ZOOM; z++) {
    const [minX, maxY] = tileOf(BASEMAP_REGION[0], BASEMAP_REGION[1], z);
    const [maxX, minY] = tileOf(BASEMAP_REGION[2], BASEMAP_REGION[3], z);
    for (let x = minX; x <= maxX; x++) {
      for (let y = minY; y <= maxY; y++) {
        const tileLayers: Record<string, { features: unknown[] }> = {};
        for (const [name, index] of indexes) tileLayers[name] = index.getTile(z, x, y) ?? { features: [] };
        // Every tile of the region is written, empty or not: a missing tile would be a 404 in the console.
        const file = path.join(OUTPUT, "tiles", String(z), String(x), `${y}.pbf`);
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, vtpbf.fromGeojsonVt(tileLayers, { version: 2, extent: options.extent }));
        count++;
      }
    }
  }
  return count;
}

/** The web-mercator tile holding a point. */
function tileOf(lng: number, lat: number, z: number): [x: number, y: number] {
  const scale = 2 ** z;
  const x = Math.floor(((lng + 180) / 360) * scale);
  const radians = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2) * scale);
  return [x, y];
}

function boxRing([west, south, east, north]: Bounds): number[][] {
  return [[west, south], [east, south], [east, north], [west, north], [west, south]];
}

function featureCollection(features: Feature[]): FeatureCollection {
  return { type: "FeatureCollection", features };
}

function roundGeometry<T extends Geometry>(geometry: T, decimals: number): T {
  const factor = 10 ** decimals;
  const round = (value: unknown): unknown =>
    typeof value === "number" ? Math.round(value * factor) / factor : Array.isArray(value) ? value.map(round) : value;
  return { ...geometry, coordinates: round((geometry as Polygon).coordinates) } as T;
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(value)}\n`);
}

if (process.argv[1] === import.meta.filename) await main();
