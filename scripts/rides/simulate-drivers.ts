/**
 * `npm run simulate:drivers -- [--count N] [--speed M]`: virtual drivers moving on the
 * demo city's roads and taking rides (server/rides/simulator/driver-simulator.ts),
 * against the database and Redis of the environment (npm start's, by default
 * the embedded ones). `npm start` runs it with RIDES_SIMULATED_DRIVERS drivers.
 * `--speed` is metres per second (default 12, at most the location check's
 * plausible top speed): the end-to-end tests drive fast. Stops on Ctrl-C or
 * SIGTERM, taking its drivers offline (one on a trip leaves the index after
 * 30 s of silence instead).
 */
import { parseArgs } from "node:util";
import { env } from "@/server/env";
import { db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import { publish } from "@/server/platform/realtime";
import { redis } from "@/server/platform/redis";
import { SIMULATED_DRIVER_PREFIX, seedDemoDrivers } from "@/server/rides/demo/seed-demo-drivers";
import { goOffline } from "@/server/rides/drivers/go-offline";
import { MAX_SPEED_MPS } from "@/server/rides/drivers/location-check";
import { DriverSimulator } from "@/server/rides/simulator/driver-simulator";

/** Drivers report every 2 s, like the driver's page. */
const TICK_SECONDS = 2;
const log = logger.child({ module: "rides-simulator" });

const { values } = parseArgs({ options: { count: { type: "string", default: String(env.RIDES_SIMULATED_DRIVERS) }, speed: { type: "string", default: "12" } } });
const count = Number(values.count);
const speedMps = Number(values.speed);
if (!Number.isInteger(count) || count < 1 || count > 500 || !(speedMps > 0 && speedMps <= MAX_SPEED_MPS)) {
  console.error(`Usage: npm run simulate:drivers -- --count N --speed M   (N: 1 to 500 drivers; M: metres per second, up to ${Math.floor(MAX_SPEED_MPS)})`);
  process.exit(2);
}

await seedDemoDrivers({ db, demoDriverIds: [], count });
const driverIds = Array.from({ length: count }, (_, index) => `${SIMULATED_DRIVER_PREFIX}${String(index + 1).padStart(2, "0")}`);
const simulator = new DriverSimulator({
  db,
  redis,
  driverIds,
  speedMps,
  publish: (channel, event, data) => void publish(channel, event, data).catch(() => undefined),
});
await simulator.start();
console.log(`Simulating ${count} drivers in the demo city (a location every ${TICK_SECONDS} s each).`);

let stopped = false;
function shutdown(): void {
  stopped = true;
}
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);

let last = Date.now();
while (!stopped) {
  const started = Date.now();
  try {
    await simulator.tick((started - last) / 1000, started);
  } catch (error) {
    log.warn({ err: error instanceof Error ? error.message : String(error) }, "simulator tick failed; trying again");
  }
  last = started;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, TICK_SECONDS * 1000 - (Date.now() - started))));
}
// Riders are not offered drivers that no longer drive; one on a trip is refused and left to the sweeper.
await Promise.allSettled(driverIds.map((driverId) => goOffline({ redis, driverId })));
redis.disconnect();
await db.$disconnect();
