/**
 * `npm run bench:rides [-- --quick]`
 *
 * Spreads 50,000 available drivers (10,000 with --quick) over the demo
 * city's roads (filed in the driver index through its own scripts, a car and
 * a rating each in Postgres), then measures:
 * 1. nearby search, the 10 nearest: the real code path (findNearbyDrivers, the
 *    250 m → … → 10 km widening search matching and estimates use) against
 *    plain 1 km and 5 km GEOSEARCHes and the baseline, a haversine scan of the
 *    same positions in Postgres, one query at a time, in this run;
 * 2. location ingest through the real endpoint, POST /api/rides/location
 *    (answered before Next, session cookie per driver), with the CPU each
 *    process used, to name the ceiling;
 * 3. request → first offer: rides.rider.request over HTTP until the matching
 *    job publishes the offer to a driver's channel;
 * 4. contention: all other drivers leave; 1,200 remain in the city and accept
 *    every offer at once while 1,000 riders (200 with --quick) request at the
 *    same moment; drivers holding two trips or two accepted offers are counted.
 *
 * The stack runs in its default configuration except RIDES_DRIVER_STALE_SECONDS
 * (the bench's drivers send no location every 2 s, so the sweep would drop
 * them after 30 s). BASE_URL set: uses that running app, its database and Redis
 * (stack.json) and AUTH_SECRET; its own drivers and riders (ids "br-<run>-")
 * are removed afterwards; the running app's sweep drops the drivers after its
 * stale timeout, so a slow run there measures fewer drivers. Otherwise a
 * throwaway stack.
 */
import { randomUUID } from "node:crypto";
import os from "node:os";
import { PrismaPg } from "@prisma/adapter-pg";
import { readSecrets } from "../scripts/stack/secrets";
import { PrismaClient } from "../server/generated/prisma/client";
import { createPeople, fileDrivers, randomSpot, removePeople, unfileDrivers } from "./rides/data-set";
import { measureIngest } from "./rides/ingest";
import { measureContention, measureFirstOffer, OfferListener } from "./rides/matching";
import { measureNearby } from "./rides/nearby";
import { startBenchStack } from "./support/bench-stack";
import { createSessionCookies } from "./support/session-cookies";

const quick = process.argv.includes("--quick");
const DRIVERS = quick ? 10_000 : 50_000;
const NEARBY_QUERIES = quick ? 1_000 : 5_000;
const BASELINE_QUERIES = quick ? 100 : 300;
/** Drivers whose sessions send location updates (in turn) during the ingest run. */
const INGEST_DRIVERS = quick ? 2_000 : 5_000;
const INGEST_SECONDS = quick ? 5 : 15;
const INGEST_CONNECTIONS = 64;
/** Three more are made first as a warm-up (bench/rides/matching.ts). */
const FIRST_OFFER_REQUESTS = quick ? 23 : 53;
const CONTENTION_DRIVERS = 1_200;
const CONTENTION_REQUESTS = quick ? 200 : 1_000;
const STALE_SECONDS = "3600";
const runId = randomUUID().slice(0, 6);
const prefix = `br-${runId}-`;
const t0 = Date.now();
const log = (line: string) => console.log(line.startsWith("  ") ? line : `[${((Date.now() - t0) / 1000).toFixed(1).padStart(5)} s] ${line}`);

async function main() {
  const loadAtStart = os.loadavg()[0] ?? 0;
  const stack = await startBenchStack({ name: "rides", env: { RIDES_DRIVER_STALE_SECONDS: STALE_SECONDS, RIDES_SIMULATED_DRIVERS: "0" }, log });
  const secrets = { ...(await readSecrets(stack.dataDir)), ...process.env };
  if (!secrets.AUTH_SECRET) throw new Error(`bench:rides needs AUTH_SECRET (set it, or keep ${stack.dataDir}/auth-secret).`);
  // The in-process search runs the server's own modules on the stack's Redis: env.ts reads these when first imported.
  Object.assign(process.env, { DATABASE_URL: stack.databaseUrl, REDIS_URL: stack.redisUrl, LOG_LEVEL: "warn" });
  const { redis } = await import("../server/platform/redis");
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: stack.databaseUrl }) });
  let driverIds: string[] = [];
  let listener: OfferListener | undefined;
  try {
    log(`Creating ${DRIVERS.toLocaleString("en")} drivers and ${CONTENTION_REQUESTS} riders, filing the drivers at random spots on the demo city's roads...`);
    const people = await createPeople(db, prefix, DRIVERS, CONTENTION_REQUESTS);
    driverIds = people.driverIds;
    const spots = driverIds.map(() => randomSpot());
    await fileDrivers(redis, driverIds, spots);
    const driverCookies = await createSessionCookies(db, driverIds.slice(0, Math.max(INGEST_DRIVERS, CONTENTION_DRIVERS)), secrets.AUTH_SECRET);
    const riderCookies = await createSessionCookies(db, people.riderIds, secrets.AUTH_SECRET);

    log(`Nearby search (10 nearest), ${NEARBY_QUERIES} queries each, one at a time; Postgres haversine baseline ${BASELINE_QUERIES}...`);
    const nearby = await measureNearby({ redis, databaseUrl: stack.databaseUrl, spots, queries: NEARBY_QUERIES, baselineQueries: BASELINE_QUERIES });

    log(`Location updates: POST /api/rides/location for ${INGEST_SECONDS} s, ${INGEST_CONNECTIONS} connections, ${INGEST_DRIVERS.toLocaleString("en")} drivers in turn...`);
    const ingestTarget = {
      webUrl: stack.webUrl,
      processes: [
        { name: "web", url: stack.webUrl },
        { name: "redis", url: stack.redisUrl },
        { name: "postgres", url: stack.databaseUrl },
      ],
      cookies: driverCookies.slice(0, INGEST_DRIVERS),
      spots,
      seconds: INGEST_SECONDS,
      connections: INGEST_CONNECTIONS,
    };
    // One unmeasured second first: a fresh web process's first requests load and compile the route's code.
    await measureIngest({ ...ingestTarget, seconds: 1 });
    const ingest = await measureIngest(ingestTarget);

    listener = await OfferListener.start(stack.redisUrl);
    log(`Request → first offer: ${FIRST_OFFER_REQUESTS} requests one at a time among ${DRIVERS.toLocaleString("en")} drivers...`);
    const firstOffer = await measureFirstOffer({ webUrl: stack.webUrl, listener, riderCookies: riderCookies.slice(0, FIRST_OFFER_REQUESTS) });

    log(`Contention: ${CONTENTION_DRIVERS} drivers stay, ${CONTENTION_REQUESTS} riders request at once, drivers accept every offer...`);
    await unfileDrivers(redis, driverIds.slice(CONTENTION_DRIVERS));
    await fileDrivers(redis, driverIds.slice(0, CONTENTION_DRIVERS), driverIds.slice(0, CONTENTION_DRIVERS).map(() => randomSpot()));
    const contention = await measureContention({
      db,
      webUrl: stack.webUrl,
      prefix,
      listener,
      riderCookies,
      driverCookies: new Map(driverIds.slice(0, CONTENTION_DRIVERS).map((id, index) => [id, driverCookies[index] ?? ""])),
      timeoutMs: quick ? 30_000 : 90_000,
    });

    const figures = {
      nearby_p50_ms: nearby.real.p50,
      nearby_p99_ms: nearby.real.p99,
      nearby_1km_p50_ms: nearby.plain1km.p50,
      nearby_1km_p99_ms: nearby.plain1km.p99,
      nearby_5km_p50_ms: nearby.plain5km.p50,
      nearby_5km_p99_ms: nearby.plain5km.p99,
      baseline_p50_ms: nearby.baseline.p50,
      baseline_p99_ms: nearby.baseline.p99,
      speedup_vs_baseline_x: Math.round((nearby.baseline.p99 / Math.max(nearby.real.p99, 0.1)) * 10) / 10,
      location_updates_rps: ingest.rps,
      location_updates_p50_ms: ingest.p50,
      location_updates_p99_ms: ingest.p99,
      location_updates_failed: ingest.non2xx + ingest.errors,
      first_offer_ms: firstOffer.p50,
      first_offer_p99_ms: firstOffer.p99,
      first_offer_missing: firstOffer.requests - firstOffer.offered,
      contention_requests: contention.requests,
      contention_assigned: contention.assigned,
      contention_no_drivers: contention.noDrivers,
      contention_still_matching: contention.stillMatching,
      contention_request_failures: contention.requestFailures,
      contention_s: contention.seconds,
      double_assigned: contention.doubleAssigned,
    };
    const load = os.loadavg().map((value) => value.toFixed(2)).join(" ");
    console.log(`
Rides benchmark (${quick ? "quick" : "full"}: ${DRIVERS.toLocaleString("en")} available drivers on the demo city's roads; default configuration but RIDES_DRIVER_STALE_SECONDS=${STALE_SECONDS})
machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average at start ${loadAtStart.toFixed(2)}, at end ${load}

| nearby search, 10 nearest, one at a time            | p50 ms | p99 ms | queries |
|-----------------------------------------------------|--------|--------|---------|
| Casebook findNearbyDrivers (250 m → … → 10 km)      | ${pad(nearby.real.p50)} | ${pad(nearby.real.p99)} | ${pad(nearby.real.count)} |
| plain GEOSEARCH 1 km (the first radius until today) | ${pad(nearby.plain1km.p50)} | ${pad(nearby.plain1km.p99)} | ${pad(nearby.plain1km.count)} |
| plain GEOSEARCH 5 km                                | ${pad(nearby.plain5km.p50)} | ${pad(nearby.plain5km.p99)} | ${pad(nearby.plain5km.count)} |
| baseline: Postgres haversine scan (same positions)  | ${pad(nearby.baseline.p50)} | ${pad(nearby.baseline.p99)} | ${pad(nearby.baseline.count)} |
radius the widening search stopped at (warm-up included): ${nearby.stoppedAt.map(([radius, count]) => `${radius} m ×${count}`).join(", ")}

location updates (POST /api/rides/location, ${INGEST_CONNECTIONS} connections, ${INGEST_SECONDS} s): ${ingest.rps}/s, p50 ${ingest.p50} ms, p99 ${ingest.p99} ms, ${ingest.sent} sent, ${ingest.non2xx} non-2xx, ${ingest.errors} errors
  CPU during the run (cores): ${ingest.cpu.map(({ name, cores }) => `${name} ${cores}`).join(", ")}
request → first offer published (${firstOffer.offered}/${firstOffer.requests} offered): p50 ${firstOffer.p50} ms, p99 ${firstOffer.p99} ms
contention: ${contention.requests} simultaneous requests, ${CONTENTION_DRIVERS} drivers: ${contention.assigned} assigned, ${contention.noDrivers} no drivers, ${contention.stillMatching} still matching after ${contention.seconds} s, ${contention.requestFailures} requests failed;
  ${contention.offers} offers, ${contention.acceptsRefused} accepts refused (409), ${contention.acceptFailures} other accept failures; drivers double-assigned: ${contention.doubleAssigned}
whole run: ${((Date.now() - t0) / 1000).toFixed(0)} s
`);
    for (const [name, value] of Object.entries(figures)) console.log(`RESULT ${name}=${value}`);
  } finally {
    listener?.stop();
    if (!stack.throwaway) await removePeople(db, redis, prefix, driverIds).catch((error: unknown) => console.error("cleanup failed:", error));
    await db.$disconnect();
    redis.disconnect();
    await stack.stop();
  }
}

function pad(value: number): string {
  return String(value).padStart(6);
}

await main();
process.exit(0);
