import sharp from "sharp";
import { expect, type Locator, type Page } from "./test";

/** Types into a place field, waits for the suggestion `name`, and takes the first suggestion with Enter. */
export async function choosePlace(page: Page, field: Locator, typed: string, name: string): Promise<void> {
  await field.pressSequentially(typed);
  await expect(page.getByRole("option", { name: new RegExp(`^${name}`) })).toBeVisible();
  await field.press("Enter");
  await expect(field).toHaveValue(name);
}

/** The basemap's colours (scripts/rides/basemap-style.ts) and the route's (components/rides/map/map-canvas.tsx). */
export const LAND = [0xf3, 0xf0, 0xe8] as const;
export const WATER = [0xa8, 0xd5, 0xf2] as const;
export const ROUTE = [0x25, 0x63, 0xeb] as const;
/** A surge cell at the cap over land: #dc2626 at 45% (map-canvas.tsx's heat layer) over LAND. */
export const SURGE_AT_CAP = [0xe9, 0x95, 0x91] as const;

/** Shares of the canvas's pixels within a small distance of each colour, read from a screenshot of it. */
export async function colourShares(canvas: Locator, colours: Record<string, readonly [number, number, number]>): Promise<Record<string, number>> {
  const { data, info } = await sharp(await canvas.screenshot()).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const pixels = info.width * info.height;
  const counts: Record<string, number> = Object.fromEntries(Object.keys(colours).map((name) => [name, 0]));
  for (let offset = 0; offset < data.length; offset += 3) {
    for (const [name, [r, g, b]] of Object.entries(colours)) {
      if (Math.abs((data[offset] ?? 0) - r) + Math.abs((data[offset + 1] ?? 0) - g) + Math.abs((data[offset + 2] ?? 0) - b) < 24) counts[name] = (counts[name] ?? 0) + 1;
    }
  }
  return Object.fromEntries(Object.entries(counts).map(([name, count]) => [name, count / pixels]));
}
