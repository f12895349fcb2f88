"use client";

import { useEffect, useRef, useState } from "react";
import { pointAlongPath, pathLengthMeters, type LatLng } from "@/server/rides/demo-city/geo";
import { driverStartingCrossings, roadNetwork, routeBetween } from "@/server/rides/demo-city/roads";

/** Drivers report every 2 s while online (the server drops them after 30 s of silence). */
const SEND_EVERY_MS = 2_000;
/** "Simulate driving": city speed, 12 m/s. */
const SIMULATED_SPEED_MPS = 12;

export type LocationSource = "browser" | "simulated";
export type SentLocation = { position: LatLng; heading: number | null; flagged: boolean; error: string | null };

/**
 * While `online`, sends the driver's position to POST /api/rides/location
 * every 2 s: from the browser's geolocation, or (simulated) moving along the
 * demo city's roads toward `target` (the pickup, then the drop-off), cruising
 * between random crossings when there is none.
 */
export function useLocationSender({ online, source, target }: { online: boolean; source: LocationSource; target: LatLng | null }): SentLocation | null {
  const [sent, setSent] = useState<SentLocation | null>(null);
  const latest = useRef<{ position: LatLng; heading: number | null; accuracy: number } | null>(null);
  const route = useRef<SimulatedRoute | null>(null);
  const targetRef = useRef(target);
  useEffect(() => {
    targetRef.current = target;
  }, [target]);

  useEffect(() => {
    if (!online || source !== "browser" || typeof navigator === "undefined" || !navigator.geolocation) return;
    const watch = navigator.geolocation.watchPosition(
      (fix) => {
        latest.current = { position: { lat: fix.coords.latitude, lng: fix.coords.longitude }, heading: fix.coords.heading ?? null, accuracy: fix.coords.accuracy };
      },
      (error) => setSent((previous) => ({ position: previous?.position ?? { lat: 0, lng: 0 }, heading: null, flagged: false, error: `Location unavailable: ${error.message}` })),
      { enableHighAccuracy: true },
    );
    return () => navigator.geolocation.clearWatch(watch);
  }, [online, source]);

  useEffect(() => {
    if (!online) return;
    let stopped = false;
    const step = async () => {
      if (source === "simulated") latest.current = { ...advanceSimulated(route, targetRef.current, SEND_EVERY_MS / 1000), accuracy: 5 };
      const fix = latest.current;
      if (!fix) return;
      try {
        const response = await fetch("/api/rides/location", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ lat: fix.position.lat, lng: fix.position.lng, accuracy: fix.accuracy, heading: fix.heading }),
        });
        const body = (await response.json()) as { flagged?: boolean; error?: { message: string } };
        if (!stopped) setSent({ position: fix.position, heading: fix.heading, flagged: body.flagged === true, error: response.ok ? null : (body.error?.message ?? "Your location was not accepted.") });
      } catch {
        if (!stopped) setSent({ position: fix.position, heading: fix.heading, flagged: false, error: "Could not reach the server; retrying." });
      }
    };
    void step();
    const timer = setInterval(() => void step(), SEND_EVERY_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [online, source]);

  return sent;
}

type SimulatedRoute = { path: LatLng[]; meters: number; travelled: number; to: LatLng | null };

function advanceSimulated(route: { current: SimulatedRoute | null }, target: LatLng | null, seconds: number): { position: LatLng; heading: number } {
  const { nodes } = roadNetwork();
  const randomNode = (among: readonly LatLng[] = nodes) => among[Math.floor(Math.random() * among.length)] as LatLng;
  let current = route.current;
  const here = current ? pointAlongPath(current.path, current.travelled).position : randomNode(driverStartingCrossings());
  const sameTarget = current && (current.to === target || (current.to && target && current.to.lat === target.lat && current.to.lng === target.lng));
  if (!current || !sameTarget || (current.travelled >= current.meters && !target)) {
    const path = routeBetween(here, target ?? randomNode()).path;
    current = { path, meters: pathLengthMeters(path), travelled: 0, to: target };
  }
  current.travelled = Math.min(current.meters, current.travelled + SIMULATED_SPEED_MPS * seconds);
  route.current = current;
  return pointAlongPath(current.path, current.travelled);
}
