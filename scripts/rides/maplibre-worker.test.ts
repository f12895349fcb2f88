import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MAPLIBRE_WORKER_URL } from "@/server/platform/map-settings";
import { installedMapLibreWorker } from "./build-basemap";

describe("the shipped maplibre-gl worker", () => {
  it("is the installed package's own: after upgrading maplibre-gl, run npm run rides:basemap", () => {
    const shipped = readFileSync(path.join(process.cwd(), "public", MAPLIBRE_WORKER_URL));
    expect(shipped.equals(readFileSync(installedMapLibreWorker()))).toBe(true);
  });
});
