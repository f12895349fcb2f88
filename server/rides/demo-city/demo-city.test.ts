import { describe, expect, it } from "vitest";
import { DEMO_CITY, isInside } from "./city";
import { distanceMeters, headingDegrees, headingDelta, pathLengthMeters, pointAlongPath } from "./geo";
import { NAMED_PLACES, placeById, searchPlaces } from "./places";
import { SEARCH_RADII_METERS } from "../drivers/nearby-drivers";
import { driverStartingCrossings, nearestNode, onLand, roadNetwork, routeBetween } from "./roads";

const FERRY_BUILDING = { lat: 37.7955, lng: -122.3937 };
const ZOO = { lat: 37.733, lng: -122.503 };

describe("demo city geometry", () => {
  it("measures distances and headings like a map does", () => {
    // One degree of latitude is ~111.2 km everywhere.
    expect(distanceMeters({ lat: 37, lng: -122 }, { lat: 38, lng: -122 })).toBeCloseTo(111_195, -2);
    expect(headingDegrees({ lat: 37, lng: -122 }, { lat: 38, lng: -122 })).toBeCloseTo(0, 5);
    expect(headingDegrees({ lat: 37, lng: -122 }, { lat: 37, lng: -121 })).toBeCloseTo(89.7, 1);
    expect(headingDegrees({ lat: 37, lng: -122 }, { lat: 36, lng: -122 })).toBeCloseTo(180, 5);
    expect(headingDegrees({ lat: 37, lng: -122 }, { lat: 37, lng: -123 })).toBeCloseTo(270.3, 1);
  });

  it("turns the short way round", () => {
    expect(headingDelta(350, 10)).toBe(20);
    expect(headingDelta(10, 350)).toBe(-20);
    expect(headingDelta(0, 180)).toBe(180);
    expect(headingDelta(90, 90)).toBe(0);
  });

  it("finds the point a distance along a path, facing along it", () => {
    const [start, corner, end] = [{ lat: 37.77, lng: -122.42 }, { lat: 37.78, lng: -122.42 }, { lat: 37.78, lng: -122.41 }];
    const path = [start, corner, end];
    const firstLeg = distanceMeters(start, corner);
    const halfway = pointAlongPath(path, firstLeg / 2);
    expect(halfway.position.lat).toBeCloseTo(37.775, 6);
    expect(halfway.heading).toBeCloseTo(0, 3);
    const onSecondLeg = pointAlongPath(path, firstLeg + 10);
    expect(onSecondLeg.position.lat).toBeCloseTo(37.78, 6);
    expect(onSecondLeg.heading).toBeGreaterThan(89);
    expect(pointAlongPath(path, -5).position).toEqual(start);
    expect(pointAlongPath(path, pathLengthMeters(path) + 100).position).toEqual(end);
  });
});

describe("named places", () => {
  it("are 30 to 60 distinct places inside the city, each a few minutes' walk from a road", () => {
    expect(NAMED_PLACES.length).toBeGreaterThanOrEqual(30);
    expect(NAMED_PLACES.length).toBeLessThanOrEqual(60);
    expect(new Set(NAMED_PLACES.map((place) => place.id)).size).toBe(NAMED_PLACES.length);
    const { nodes } = roadNetwork();
    for (const place of NAMED_PLACES) {
      expect(isInside(DEMO_CITY.bounds, place), place.name).toBe(true);
      const road = nodes[nearestNode(place)];
      expect(road && distanceMeters(place, road), place.name).toBeLessThan(500);
    }
  });

  it("are found by the start of their name first, then by a word, ignoring case and apostrophes", () => {
    expect(searchPlaces("ferry").map((place) => place.name)).toEqual(["Ferry Building"]);
    expect(searchPlaces("FISHERMANS")[0]?.name).toBe("Fisherman's Wharf");
    const stations = searchPlaces("station", 20).map((place) => place.name);
    expect(stations).toContain("Glen Park Station");
    expect(stations.every((name) => name.includes("Station"))).toBe(true);
    // A name starting with the query comes before one that only has a word starting with it.
    expect(searchPlaces("mission").map((place) => place.name)).toEqual(["Mission Dolores Park", "16th Street Mission Station", "24th Street Mission Station", "UCSF Mission Bay"]);
    expect(searchPlaces("dolores")[0]?.name).toBe("Mission Dolores Park");
    expect(searchPlaces("   ")).toEqual([]);
    expect(searchPlaces("zzz")).toEqual([]);
    expect(placeById("ferry-building")?.name).toBe("Ferry Building");
  });
});

describe("road network", () => {
  it("starts simulated drivers where the matching's widest search reaches every named place (not from every crossing)", () => {
    const widest = Math.max(...SEARCH_RADII_METERS);
    const farthest = (from: readonly { lat: number; lng: number }[]) => Math.max(...from.flatMap((node) => NAMED_PLACES.map((place) => distanceMeters(node, place))));
    expect(driverStartingCrossings().length).toBeGreaterThanOrEqual(10);
    expect(farthest(driverStartingCrossings())).toBeLessThan(widest);
    expect(farthest(roadNetwork().nodes)).toBeGreaterThan(widest);
  });

  it("is one connected grid on land", () => {
    const { nodes, edges, neighbours } = roadNetwork();
    expect(nodes.length).toBeGreaterThan(500);
    expect(edges.length).toBeGreaterThan(nodes.length);
    for (const node of nodes) expect(onLand(node)).toBe(true);
    // Every node reached from the first one.
    const seen = new Set([0]);
    const queue = [0];
    for (let node = queue.pop(); node !== undefined; node = queue.pop()) for (const next of neighbours[node] ?? []) if (!seen.has(next)) { seen.add(next); queue.push(next); }
    expect(seen.size).toBe(nodes.length);
    expect(edges.some((edge) => edge.roadClass === "avenue")).toBe(true);
  });

  it("knows the bay from the city", () => {
    expect(onLand(DEMO_CITY.center)).toBe(true);
    expect(onLand({ lat: 37.82, lng: -122.38 })).toBe(false); // the Bay, between the city and Treasure Island
    expect(onLand({ lat: 37.75, lng: -122.55 })).toBe(false); // the Pacific off Ocean Beach
  });

  it("routes from one side of the city to the other along roads only", () => {
    const route = routeBetween(FERRY_BUILDING, ZOO);
    const { nodes, edges } = roadNetwork();
    const roadPoints = new Map(nodes.map((node, index) => [`${node.lat},${node.lng}`, index]));
    const linked = new Set(edges.flatMap(({ from, to }) => [`${from}-${to}`, `${to}-${from}`]));
    const inner = route.path.slice(1, -1).map((point) => roadPoints.get(`${point.lat},${point.lng}`));
    expect(inner.every((index) => index !== undefined)).toBe(true);
    for (let step = 1; step < inner.length; step++) expect(linked.has(`${inner[step - 1]}-${inner[step]}`)).toBe(true);
    expect(route.path[0]).toEqual(FERRY_BUILDING);
    expect(route.path.at(-1)).toEqual(ZOO);
    // Longer than the straight line, but a grid route is at most √2 times it (plus the walks to and from the roads).
    const straight = distanceMeters(FERRY_BUILDING, ZOO);
    expect(route.meters).toBeGreaterThan(straight);
    expect(route.meters).toBeLessThan(straight * 1.5);
    expect(route.meters).toBeCloseTo(pathLengthMeters(route.path), 3);
  });

  it("routes between two points near the same crossing directly", () => {
    const route = routeBetween(DEMO_CITY.center, { lat: DEMO_CITY.center.lat + 0.0001, lng: DEMO_CITY.center.lng });
    expect(route.path).toHaveLength(3);
  });
});
