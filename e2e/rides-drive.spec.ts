import { expect, test, type Page } from "./support/test";
import { newPerson, openContext, signUp } from "./support/people";

/**
 * The driver's page end to end: a new person registers their car on
 * /rides/drive, goes online with simulated driving (their page sends a
 * location every 2 s), and a rider in another context requests a ride near
 * them (through the API: the rider's page is composed with the map
 * separately). The offer card arrives live with its countdown; the driver
 * accepts, heads to the pickup, starts the trip with the rider's 4-digit code
 * and completes it; the rider's trip then owes its fare, and today's earnings show it.
 */
test.describe.configure({ timeout: 180_000 });

const SAN_FRANCISCO = { lat: 37.7749, lng: -122.4194 };

async function trpc<T>(page: Page, path: string, input?: unknown): Promise<T> {
  const response =
    input === undefined ? await page.request.get(`/api/trpc/${path}`) : await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  const body = (await response.json()) as { result?: { data: { json: T } }; error?: unknown };
  if (!response.ok() || !body.result) throw new Error(`${path}: ${response.status()} ${JSON.stringify(body.error)}`);
  return body.result.data.json;
}

test("a driver registers, goes online, takes a request, starts it with the rider's code and completes it", async ({ browser, baseURL }) => {
  const driver = newPerson("Driver");
  const rider = newPerson("Rider");
  const d = await openContext(browser, baseURL);
  const r = await openContext(browser, baseURL);
  await Promise.all([signUp(d.page, driver), signUp(r.page, rider)]);

  await d.page.goto("/rides/drive");
  await d.page.getByLabel("Make").fill("Toyota");
  await d.page.getByLabel("Model").fill("Prius");
  await d.page.getByLabel("Colour").fill("Silver");
  await d.page.getByLabel("Plate").fill("E2E 123");
  await d.page.getByRole("button", { name: "Register my car" }).click();
  await expect(d.page.getByText("You are offline")).toBeVisible();
  await expect(d.page.getByLabel("Simulate driving")).toBeChecked();
  await d.page.getByRole("button", { name: "Go online" }).click();
  await expect(d.page.getByText("You are online")).toBeVisible();
  await expect(d.page.getByText(/Location sent: 37\.\d+, -122\.\d+/)).toBeVisible({ timeout: 15_000 });

  const trip = await trpc<{ id: string }>(r.page, "rides.rider.request", {
    pickup: { ...SAN_FRANCISCO, name: "Civic Center" },
    dropoff: { lat: SAN_FRANCISCO.lat + 0.02, lng: SAN_FRANCISCO.lng, name: "North Beach" },
  });

  const offer = d.page.getByRole("region", { name: "Ride offer" });
  await expect(offer).toBeVisible({ timeout: 20_000 });
  await expect(offer).toContainText("Civic Center");
  await expect(offer).toContainText(/New ride request · \d+ s/);
  await offer.getByRole("button", { name: "Accept" }).click();

  const current = d.page.getByRole("region", { name: "Current trip" });
  await expect(current).toContainText("assigned to a driver");
  await current.getByRole("button", { name: "Navigate to pickup" }).click();
  await expect(current).toContainText("waiting for its driver to arrive");

  const riderView = await trpc<{ id: string; status: string; startCode: string; driver: { name: string; plate: string } }>(r.page, "rides.rider.current");
  expect(riderView).toMatchObject({ id: trip.id, status: "arriving", driver: { name: driver.name, plate: "E2E 123" } });

  // A wrong code is refused with a clear message; the right one starts the trip.
  await current.getByLabel("Rider's 4-digit code").fill(riderView.startCode === "0000" ? "1111" : "0000");
  await current.getByRole("button", { name: "Start trip" }).click();
  await expect(d.page.getByText("That is not the rider's code.")).toBeVisible();
  await current.getByLabel("Rider's 4-digit code").fill(riderView.startCode);
  await current.getByRole("button", { name: "Start trip" }).click();
  await expect(current).toContainText("in progress");
  await current.getByRole("button", { name: "Complete trip" }).click();
  await expect(current).toBeHidden();
  await expect(d.page.getByText(/Today: \$\d+\.\d\d \(1 trips\)/)).toBeVisible();

  const finished = await trpc<{ status: string; paymentStatus: string; amountDueCents: number }>(r.page, "rides.rider.current");
  expect(finished).toMatchObject({ status: "completed", paymentStatus: "due" });
  expect(finished.amountDueCents).toBeGreaterThan(0);

  await d.page.getByRole("button", { name: "Go offline" }).click();
  await expect(d.page.getByText("You are offline")).toBeVisible();
});
