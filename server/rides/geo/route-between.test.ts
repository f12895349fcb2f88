import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listenLocally, type LocalHttpServer } from "@/server/testing/local-http-server";
import { estimateRoute } from "./distance";
import { routeBetweenPlaces } from "./route-between";

/** A local server answering OSRM's `route` service (v1) the way OSRM does, by path. */
const asked: string[] = [];
const answerLikeOsrm: http.RequestListener = (request, response) => {
  asked.push(request.url ?? "");
  const reply = (status: number, body: unknown) => {
    response.writeHead(status, { "Content-Type": "application/json" });
    response.end(JSON.stringify(body));
  };
  if (request.url?.startsWith("/ok/route/v1/driving/")) return reply(200, { code: "Ok", routes: [{ distance: 4321.6, duration: 612.4, weight: 612.4 }], waypoints: [] });
  if (request.url?.startsWith("/none/route/v1/driving/")) return reply(400, { code: "NoRoute", message: "Impossible route between points" });
  if (request.url?.startsWith("/slow/")) return; // never answers
  reply(404, { code: "InvalidUrl" });
};
let osrm: LocalHttpServer;
let base = "";
const UNION_SQUARE = { lat: 37.788, lng: -122.4075 };
const COIT_TOWER = { lat: 37.8024, lng: -122.4058 };

beforeAll(async () => {
  osrm = await listenLocally(answerLikeOsrm);
  base = osrm.base;
});

afterAll(() => osrm.close());

describe("routeBetweenPlaces", () => {
  it("takes OSRM's fastest route, asked as lng,lat pairs", async () => {
    expect(await routeBetweenPlaces(UNION_SQUARE, COIT_TOWER, `${base}/ok`)).toEqual({ distanceMeters: 4322, durationSeconds: 612, source: "osrm" });
    expect(asked.at(-1)).toBe("/ok/route/v1/driving/-122.4075,37.788;-122.4058,37.8024?overview=false");
  });

  it("estimates from the straight line without a routing server, or when it finds no route, fails or is slow", async () => {
    const estimate = { ...estimateRoute(UNION_SQUARE, COIT_TOWER), source: "estimate" };
    expect(await routeBetweenPlaces(UNION_SQUARE, COIT_TOWER, undefined)).toEqual(estimate);
    expect(await routeBetweenPlaces(UNION_SQUARE, COIT_TOWER, `${base}/none`)).toEqual(estimate);
    expect(await routeBetweenPlaces(UNION_SQUARE, COIT_TOWER, `${base}/missing`)).toEqual(estimate);
    const started = performance.now();
    expect(await routeBetweenPlaces(UNION_SQUARE, COIT_TOWER, `${base}/slow`)).toEqual(estimate);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
