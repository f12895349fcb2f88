import { randomUUID } from "node:crypto";
import { newPerson, signUp } from "./support/people";
import { choosePlace, colourShares, LAND, ROUTE, WATER } from "./support/rides";
import { withShopDatabase } from "./support/shop-fixtures";
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

  test("an open trip's pickup and drop-off are on the map when the page is opened again, and stay put until it ends", async ({ page }) => {
    const rider = newPerson("Rider");
    await signUp(page, rider);
    // The trip as another device (or this page before a reload) left it: no driver found, still open.
    // Written directly, so no driver of a test running beside this one is ever offered it.
    await withShopDatabase(async (client) => {
      await client.query(
        `INSERT INTO rides_trip (id, "riderId", status, "pickupLat", "pickupLng", "pickupName", "dropoffLat", "dropoffLng", "dropoffName",
                                 "distanceMeters", "durationSeconds", "fareCents", "startCode", "updatedAt")
         SELECT $1, id, 'no_drivers', 37.788, -122.4075, 'Union Square', 37.8024, -122.4058, 'Coit Tower', 2100, 420, 900, '1234', now()
           FROM "user" WHERE username = $2`,
        [randomUUID(), rider.username],
      );
    });
    await page.goto("/rides");
    const trip = page.getByRole("region", { name: "Your trip" });
    await expect(trip).toBeVisible();
    const summary = page.getByTestId("map-summary");
    await expect(summary).toContainText("Union Square");
    await expect(summary).toContainText("Coit Tower");
    await expect(summary).toContainText(/\d+\.\d km by road/);
    await expect(page.getByTestId("pickup-pin")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("dropoff-pin")).toBeVisible();
    // Places the open trip does not go to cannot be chosen beside it.
    await expect(page.getByRole("combobox", { name: "Pickup" })).toHaveCount(0);

    await trip.getByRole("button", { name: "Cancel ride" }).click();
    await expect(page.getByRole("combobox", { name: "Pickup" })).toBeVisible();
    await expect(summary).toContainText("Not set yet");
  });
});

test("a receipt that is not mine says so and leads back to Rides, with no 'Try again' that cannot help", async ({ page }) => {
  await signUp(page, newPerson("Rider"));
  await page.goto(`/rides/trips/${randomUUID()}`);
  await expect(page.getByText("This trip is not here")).toBeVisible();
  await expect(page.getByRole("button", { name: "Try again" })).toHaveCount(0);
  await page.getByRole("link", { name: "Back to Rides" }).click();
  await expect(page).toHaveURL(/\/rides$/);
  await expect(page.getByRole("combobox", { name: "Pickup" })).toBeVisible();
});
