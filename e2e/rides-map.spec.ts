import { choosePlace, colourShares, LAND, ROUTE, WATER } from "./support/rides";
import { expect, test, type Page } from "./support/test";

/**
 * The rider's map on /rides, offline: maplibre-gl really draws the shipped
 * basemap (its pixels show land and water), nothing is fetched from anywhere
 * but this site, and places chosen with the keyboard become pins, a route and
 * words beside the map.
 */

/** Records every request whose host is not the one the app is served from. */
function watchOutsideRequests(page: Page, baseURL: string | undefined): string[] {
  const own = new URL(baseURL ?? "http://127.0.0.1").hostname;
  const outside: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol === "data:" || url.protocol === "blob:") return;
    if (![own, "127.0.0.1", "localhost"].includes(url.hostname)) outside.push(request.url());
  });
  return outside;
}

test.describe("Rides map", () => {
  // Software WebGL (SwiftShader) on a busy machine: the map's first frames can take several seconds.
  test.describe.configure({ timeout: 90_000 });

  test("draws land and water offline, and two places picked with the keyboard become two pins, a route and their addresses", async ({ page, baseURL }) => {
    const outside = watchOutsideRequests(page, baseURL);
    await page.goto("/rides");
    await expect(page.getByRole("heading", { level: 1, name: "Rides" })).toBeVisible();

    const canvas = page.getByTestId("ride-map").locator("canvas");
    await expect(canvas).toBeVisible({ timeout: 30_000 });
    // Not blank: San Francisco's land and the Bay, each a real share of the picture.
    await expect
      .poll(async () => {
        const shares = await colourShares(canvas, { LAND, WATER });
        return (shares.LAND ?? 0) > 0.05 && (shares.WATER ?? 0) > 0.05;
      }, { timeout: 30_000 })
      .toBe(true);

    const pickup = page.getByRole("combobox", { name: "Pickup" });
    await pickup.focus();
    await choosePlace(page, pickup, "ferry", "Ferry Building");
    // On with the keyboard: past "Use my location" to the drop-off.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    const dropoff = page.getByRole("combobox", { name: "Drop-off" });
    await expect(dropoff).toBeFocused();
    // "mission" suggests Mission Dolores Park first; the down arrow moves to the next suggestion.
    await dropoff.pressSequentially("mission");
    await expect(page.getByRole("option").first()).toHaveText(/^Mission Dolores Park/);
    await dropoff.press("ArrowDown");
    await expect(page.getByRole("option", { selected: true })).toHaveText(/^16th Street Mission Station/);
    await dropoff.press("Enter");
    await expect(dropoff).toHaveValue("16th Street Mission Station");

    await expect(page.getByTestId("pickup-pin")).toHaveCount(1);
    await expect(page.getByTestId("dropoff-pin")).toHaveCount(1);
    await expect(page.getByTestId("pickup-pin")).toBeVisible();
    await expect(page.getByTestId("dropoff-pin")).toBeVisible();
    const summary = page.getByTestId("map-summary");
    await expect(summary).toContainText("Ferry Building");
    await expect(summary).toContainText("16th Street Mission Station");
    await expect(summary).toContainText(/\d+\.\d km by road/);
    // The route is drawn on the canvas.
    await expect.poll(async () => ((await colourShares(canvas, { ROUTE })).ROUTE ?? 0) > 0.001, { timeout: 15_000 }).toBe(true);

    expect(outside, "requests that left this machine").toEqual([]);
  });

  test("a pin moves with the arrow keys, and the browser's location sets the pickup", async ({ page, context, baseURL }) => {
    const outside = watchOutsideRequests(page, baseURL);
    await context.grantPermissions(["geolocation"]);
    await context.setGeolocation({ latitude: 37.788, longitude: -122.4075, accuracy: 20 });
    await page.goto("/rides");
    await page.getByRole("button", { name: "Use my location" }).click();
    const summary = page.getByTestId("map-summary");
    await expect(summary).toContainText("My location (within 20 m)");

    const pin = page.getByTestId("pickup-pin");
    await expect(pin).toBeVisible({ timeout: 30_000 });
    await pin.focus();
    await page.keyboard.press("ArrowUp");
    // ~50 m north of Union Square is still near it: the pin's new spot is described by its closest place.
    await expect(summary).toContainText("Near Union Square");
    await expect(page.getByRole("combobox", { name: "Pickup" })).toHaveValue("Near Union Square");
    expect(outside).toEqual([]);
  });
});
