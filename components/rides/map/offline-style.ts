import type { StyleSpecification } from "maplibre-gl";

/**
 * The offline style names its data by site-relative URLs (/rides/basemap/...)
 * so it works on any host; MapLibre's workers need absolute ones. This makes
 * them absolute against the page's origin, and nothing else: the style never
 * points anywhere but this site.
 */
export function resolveStyleUrls(style: StyleSpecification, origin: string): StyleSpecification {
  // Plain joining, not `new URL()`: that would escape the {z}/{x}/{y} placeholders of tile URLs.
  const absolute = (url: string) => (url.startsWith("/") ? `${origin}${url}` : url);
  const sources = Object.fromEntries(
    Object.entries(style.sources).map(([id, source]) => {
      if ("tiles" in source && source.tiles) return [id, { ...source, tiles: source.tiles.map(absolute) }];
      if (source.type === "geojson" && typeof source.data === "string") return [id, { ...source, data: absolute(source.data) }];
      return [id, source];
    }),
  ) as StyleSpecification["sources"];
  return { ...style, sources };
}
