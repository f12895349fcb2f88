import { z } from "zod";
import { env } from "@/server/env";
import { logger } from "@/server/platform/logger";
import type { LatLng } from "../demo-city/geo";
import { estimateRoute, type RouteEstimate } from "./distance";

/** A routing server slower than this is not waited for: the trip is estimated from the straight line instead. */
export const ROUTING_TIMEOUT_MS = 2_000;

const log = logger.child({ module: "rides-routing" });

/** The part of OSRM's `route` service answer (v1) that we read. */
const OsrmRouteAnswer = z.object({
  code: z.string(),
  routes: z.array(z.object({ distance: z.number().nonnegative(), duration: z.number().nonnegative() })).optional(),
});

/**
 * A trip's distance and duration: OSRM's fastest driving route when
 * ROUTING_URL points at an OSRM server, else (or when it fails, is slow, or
 * finds no route) the straight line times a detour factor (distance.ts).
 */
export async function routeBetweenPlaces(from: LatLng, to: LatLng, routingUrl: string | undefined = env.ROUTING_URL): Promise<RouteEstimate & { source: "osrm" | "estimate" }> {
  if (!routingUrl) return { ...estimateRoute(from, to), source: "estimate" };
  const url = new URL(`route/v1/driving/${from.lng},${from.lat};${to.lng},${to.lat}`, routingUrl.endsWith("/") ? routingUrl : `${routingUrl}/`);
  url.searchParams.set("overview", "false");
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(ROUTING_TIMEOUT_MS) });
    const answer = OsrmRouteAnswer.parse(await response.json());
    const route = answer.routes?.[0];
    if (answer.code !== "Ok" || !route) throw new Error(`OSRM answered ${answer.code}`);
    return { distanceMeters: Math.round(route.distance), durationSeconds: Math.round(route.duration), source: "osrm" };
  } catch (error) {
    log.warn({ err: error instanceof Error ? error.message : String(error) }, "routing server unavailable; estimating from the straight line");
    return { ...estimateRoute(from, to), source: "estimate" };
  }
}
