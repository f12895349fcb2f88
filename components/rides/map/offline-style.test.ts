import { readFileSync } from "node:fs";
import path from "node:path";
import type { StyleSpecification } from "maplibre-gl";
import { describe, expect, it } from "vitest";
import { OFFLINE_STYLE_URL } from "@/server/platform/map-settings";
import { resolveStyleUrls } from "./offline-style";

const style = JSON.parse(readFileSync(path.join(process.cwd(), "public", OFFLINE_STYLE_URL), "utf8")) as StyleSpecification;

/** Every URL a style makes the map fetch. */
function urls(spec: StyleSpecification): string[] {
  const found: string[] = [spec.glyphs, ...(typeof spec.sprite === "string" ? [spec.sprite] : [])].filter((url): url is string => Boolean(url));
  for (const source of Object.values(spec.sources)) {
    if ("tiles" in source && source.tiles) found.push(...source.tiles);
    if ("url" in source && source.url) found.push(source.url);
    if (source.type === "geojson" && typeof source.data === "string") found.push(source.data);
  }
  return found;
}

describe("the offline basemap style", () => {
  it("fetches only from this site, with no glyphs or sprites to reach for elsewhere", () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(style.layers.some((layer) => layer.type === "symbol")).toBe(false);
    const resolved = urls(resolveStyleUrls(style, "http://127.0.0.1:3000"));
    expect(resolved.length).toBeGreaterThan(0);
    for (const url of resolved) expect(url.startsWith("http://127.0.0.1:3000/rides/basemap/"), url).toBe(true);
    // Tile URLs keep their placeholders for MapLibre to fill in.
    expect(resolved).toContain("http://127.0.0.1:3000/rides/basemap/tiles/{z}/{x}/{y}.pbf");
  });

  it("names files that are shipped in public/", () => {
    for (const url of urls(style)) {
      const file = url.replace("{z}/{x}/{y}", "12/655/1583");
      expect(readFileSync(path.join(process.cwd(), "public", file)).length, file).toBeGreaterThan(0);
    }
  });
});
