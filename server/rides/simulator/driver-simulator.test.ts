import { describe, expect, it } from "vitest";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { NAMED_PLACES } from "@/server/rides/demo-city/places";
import { readDriver } from "@/server/rides/drivers/driver-index";
import { driver, rider, runRidesWorkersForThisFile } from "@/server/rides/rides-test-kit";
import { requestTrip } from "@/server/rides/trips/request-trip";
import { DriverSimulator } from "./driver-simulator";

runRidesWorkersForThisFile();

describe("driver simulator", () => {
  it("drives on the demo city's roads, takes an offer, picks the rider up and completes the trip", async () => {
    const virtual = await driver({ name: "Virtual" });
    // Fast (216 km/h, still a plausible speed for the location check) and answers offers at once.
    const published: unknown[] = [];
    const simulator = new DriverSimulator({ db, redis, driverIds: [virtual.id], publish: (_channel, _event, data) => void published.push(data), speedMps: 60, acceptDelaySeconds: [0, 0] });
    await simulator.start();
    let clock = Date.now();
    const tick = async () => {
      clock += 2_000;
      await simulator.tick(2, clock);
    };
    await tick();
    const position = (await readDriver(redis, virtual.id))?.fix;
    expect(position).toBeTruthy();

    const [from, to] = [NAMED_PLACES[0], NAMED_PLACES[1]];
    if (!from || !to || !position) throw new Error("the demo city has named places");
    const { id: tripId } = await requestTrip({ db, redis, riderId: (await rider()).id, input: { pickup: { lat: position.lat, lng: position.lng, name: from.name }, dropoff: { ...to, name: to.name } } });
    const status = async () => {
      await tick();
      return (await db.trip.findUniqueOrThrow({ where: { id: tripId } })).status;
    };
    await expect.poll(status, { timeout: 30_000, interval: 50 }).toBe("completed");
    const events = await db.tripEvent.findMany({ where: { tripId }, orderBy: { id: "asc" } });
    expect(events.map((event) => event.status)).toEqual(["requested", "matching", "assigned", "arriving", "in_progress", "completed"]);
    // During the trip its positions went to the trip's channel.
    expect(published).toContainEqual(expect.objectContaining({ tripId }));
    // Every fix was accepted: the simulator drives at plausible speeds on its own clock.
    expect((await readDriver(redis, virtual.id))?.fix?.at).toBe(clock);
    expect((await readDriver(redis, virtual.id))?.state).toBe("available");
  });
});
