import type { Feature, FeatureCollection, LineString } from "geojson";
import { DEMO_CITY } from "./city";
import { distanceMeters, type LatLng } from "./geo";
import land from "./land.json";

/**
 * The demo city's road network: GENERATED, not surveyed. No street data ships
 * on npm, so this is a regular grid of streets every ~400 m (an avenue every
 * fourth line) laid over the city's real land (Natural Earth, land.json) and
 * cut where it would cross water. The offline map draws it, the driver
 * simulator and "simulate driving" follow it, and routes between two points
 * run along it. With a Mapbox token the real streets show beneath it.
 */

export type RoadClass = "avenue" | "street";
export type RoadEdge = { from: number; to: number; meters: number; roadClass: RoadClass };
export type RoadNetwork = { nodes: readonly LatLng[]; edges: readonly RoadEdge[]; neighbours: readonly (readonly number[])[] };
export type Route = { path: LatLng[]; meters: number };

/** Grid spacing in degrees: ~400 m each way at the city's latitude. */
const LAT_STEP = 0.0036;
const LNG_STEP = 0.0045;
const AVENUE_EVERY = 4;

let network: RoadNetwork | undefined;

/** The network, built on first use (about a thousand nodes, a few milliseconds) and then kept. */
export function roadNetwork(): RoadNetwork {
  network ??= buildNetwork();
  return network;
}

function buildNetwork(): RoadNetwork {
  const [west, south, east, north] = DEMO_CITY.bounds;
  const rows = Math.floor((north - south) / LAT_STEP);
  const columns = Math.floor((east - west) / LNG_STEP);
  const at = (row: number, column: number): LatLng => ({ lat: round(south + row * LAT_STEP), lng: round(west + column * LNG_STEP) });

  // Grid points on land, then the grid lines between neighbours whose whole length stays on land.
  const candidates = new Map<string, LatLng>();
  for (let row = 0; row <= rows; row++) for (let column = 0; column <= columns; column++) {
    const point = at(row, column);
    if (onLand(point)) candidates.set(`${row},${column}`, point);
  }
  const links: { a: string; b: string; roadClass: RoadClass }[] = [];
  for (let row = 0; row <= rows; row++) for (let column = 0; column <= columns; column++) {
    const here = candidates.get(`${row},${column}`);
    if (!here) continue;
    const east = candidates.get(`${row},${column + 1}`);
    if (east && segmentOnLand(here, east)) links.push({ a: `${row},${column}`, b: `${row},${column + 1}`, roadClass: row % AVENUE_EVERY === 0 ? "avenue" : "street" });
    const north = candidates.get(`${row + 1},${column}`);
    if (north && segmentOnLand(here, north)) links.push({ a: `${row},${column}`, b: `${row + 1},${column}`, roadClass: column % AVENUE_EVERY === 0 ? "avenue" : "street" });
  }
  return largestConnectedPart(candidates, links);
}

/** Keeps only the biggest connected piece, so every route has a way through (islands and stubs cut off by water go). */
function largestConnectedPart(points: Map<string, LatLng>, links: { a: string; b: string; roadClass: RoadClass }[]): RoadNetwork {
  const adjacent = new Map<string, string[]>();
  for (const { a, b } of links) {
    adjacent.set(a, [...(adjacent.get(a) ?? []), b]);
    adjacent.set(b, [...(adjacent.get(b) ?? []), a]);
  }
  let biggest: Set<string> = new Set();
  const seen = new Set<string>();
  for (const start of adjacent.keys()) {
    if (seen.has(start)) continue;
    const part = new Set([start]);
    const queue = [start];
    for (let key = queue.pop(); key !== undefined; key = queue.pop()) {
      for (const next of adjacent.get(key) ?? []) if (!part.has(next)) { part.add(next); queue.push(next); }
    }
    for (const key of part) seen.add(key);
    if (part.size > biggest.size) biggest = part;
  }
  const keys = [...points.keys()].filter((key) => biggest.has(key));
  const indexOf = new Map(keys.map((key, index) => [key, index]));
  const nodes = keys.map((key) => points.get(key) as LatLng);
  const edges: RoadEdge[] = [];
  const neighbours: number[][] = nodes.map(() => []);
  for (const { a, b, roadClass } of links) {
    const from = indexOf.get(a);
    const to = indexOf.get(b);
    if (from === undefined || to === undefined) continue;
    edges.push({ from, to, meters: distanceMeters(nodes[from] as LatLng, nodes[to] as LatLng), roadClass });
    neighbours[from]?.push(to);
    neighbours[to]?.push(from);
  }
  return { nodes, edges, neighbours };
}

/** The road node closest to a point (the network is small: a plain scan). */
export function nearestNode(point: LatLng): number {
  const { nodes } = roadNetwork();
  let best = 0;
  let bestMeters = Infinity;
  nodes.forEach((node, index) => {
    const meters = distanceMeters(point, node);
    if (meters < bestMeters) { best = index; bestMeters = meters; }
  });
  return best;
}

/**
 * Where a simulated driver comes online: a crossing this close to the city
 * centre, from where every named place lies within the 10 km the matching
 * searches. From the city's far corners the pickups can lie beyond it (1
 * crossing in 16 is more than 10 km from Union Square), and such a driver
 * would wait for an offer that never comes.
 */
export const DRIVER_START_WITHIN_METERS = 1_000;
let startingCrossings: readonly LatLng[] | undefined;

export function driverStartingCrossings(): readonly LatLng[] {
  startingCrossings ??= roadNetwork().nodes.filter((node) => distanceMeters(node, DEMO_CITY.center) <= DRIVER_START_WITHIN_METERS);
  return startingCrossings;
}

/**
 * The shortest way by road from one point to another (A* over the grid): from
 * `from` to its nearest road node, along the roads, then to `to`.
 */
export function routeBetween(from: LatLng, to: LatLng): Route {
  const { nodes } = roadNetwork();
  const nodePath = shortestNodePath(nearestNode(from), nearestNode(to));
  const path = [from, ...nodePath.map((index) => nodes[index] as LatLng), to];
  let meters = 0;
  for (let index = 1; index < path.length; index++) meters += distanceMeters(path[index - 1] as LatLng, path[index] as LatLng);
  return { path, meters };
}

function shortestNodePath(start: number, goal: number): number[] {
  const { nodes, neighbours } = roadNetwork();
  const goalPoint = nodes[goal] as LatLng;
  const cost = new Map<number, number>([[start, 0]]);
  const cameFrom = new Map<number, number>();
  const open = new MinQueue();
  open.push(start, 0);
  const done = new Set<number>();
  for (let current = open.pop(); current !== undefined; current = open.pop()) {
    if (current === goal) break;
    if (done.has(current)) continue;
    done.add(current);
    const here = cost.get(current) ?? 0;
    for (const next of neighbours[current] ?? []) {
      const through = here + distanceMeters(nodes[current] as LatLng, nodes[next] as LatLng);
      if (through >= (cost.get(next) ?? Infinity)) continue;
      cost.set(next, through);
      cameFrom.set(next, current);
      open.push(next, through + distanceMeters(nodes[next] as LatLng, goalPoint));
    }
  }
  const path = [goal];
  for (let step = cameFrom.get(goal); step !== undefined; step = cameFrom.get(step)) path.unshift(step);
  return path[0] === start ? path : [start];
}

/** A binary heap of node indexes by priority. */
class MinQueue {
  private items: { node: number; priority: number }[] = [];

  push(node: number, priority: number): void {
    const items = this.items;
    items.push({ node, priority });
    for (let index = items.length - 1; index > 0; ) {
      const parent = (index - 1) >> 1;
      if ((items[parent] as { priority: number }).priority <= priority) break;
      [items[parent], items[index]] = [items[index] as (typeof items)[number], items[parent] as (typeof items)[number]];
      index = parent;
    }
  }

  pop(): number | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (!top || !last || items.length === 0) return top?.node;
    items[0] = last;
    for (let index = 0; ; ) {
      const left = 2 * index + 1;
      const right = left + 1;
      let smallest = index;
      if (left < items.length && (items[left] as typeof last).priority < (items[smallest] as typeof last).priority) smallest = left;
      if (right < items.length && (items[right] as typeof last).priority < (items[smallest] as typeof last).priority) smallest = right;
      if (smallest === index) break;
      [items[smallest], items[index]] = [items[index] as typeof last, items[smallest] as typeof last];
      index = smallest;
    }
    return top.node;
  }
}

/** The network as GeoJSON lines with a `class` property, for the basemap's tiles. */
export function roadsGeoJson(): FeatureCollection<LineString> {
  const { nodes, edges } = roadNetwork();
  const features: Feature<LineString>[] = edges.map(({ from, to, roadClass }) => ({
    type: "Feature",
    properties: { class: roadClass },
    geometry: { type: "LineString", coordinates: [from, to].map((index) => [(nodes[index] as LatLng).lng, (nodes[index] as LatLng).lat]) },
  }));
  return { type: "FeatureCollection", features };
}

/** Whether a point is on land (even-odd rule over every ring of land.json). */
export function onLand({ lat, lng }: LatLng): boolean {
  let inside = false;
  for (const polygon of land.coordinates) for (const ring of polygon) {
    for (let index = 0, previous = ring.length - 1; index < ring.length; previous = index++) {
      const [x1 = 0, y1 = 0] = ring[index] ?? [];
      const [x2 = 0, y2 = 0] = ring[previous] ?? [];
      if (y1 > lat !== y2 > lat && lng < ((x2 - x1) * (lat - y1)) / (y2 - y1) + x1) inside = !inside;
    }
  }
  return inside;
}

/** Five samples along the segment must all be on land: a street never bridges a bay. */
function segmentOnLand(a: LatLng, b: LatLng): boolean {
  for (const t of [0.2, 0.4, 0.5, 0.6, 0.8]) if (!onLand({ lat: a.lat + (b.lat - a.lat) * t, lng: a.lng + (b.lng - a.lng) * t })) return false;
  return true;
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;
