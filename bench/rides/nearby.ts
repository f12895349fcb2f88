import { performance } from "node:perf_hooks";
import pg from "pg";
import type { Redis } from "../../server/platform/redis";
import { searchAvailable } from "../../server/rides/drivers/driver-index";
import { findNearbyDrivers } from "../../server/rides/drivers/nearby-drivers";
import { percentile } from "../feed/http";
import { randomSpot, type Spot } from "./data-set";

/** The 10 nearest drivers, as the issue measures them. */
const WANTED = 10;

export type Latencies = { p50: number; p99: number; count: number };

function summarize(samples: number[]): Latencies {
  return { p50: percentile(samples, 0.5), p99: percentile(samples, 0.99), count: samples.length };
}

/** One query at a time from random spots on the roads; `warm` unmeasured first. */
async function timed(queries: number, run: (spot: Spot) => Promise<unknown>, warm = 50): Promise<Latencies> {
  const samples: number[] = [];
  for (let index = 0; index < warm + queries; index++) {
    const spot = randomSpot();
    const started = performance.now();
    await run(spot);
    if (index >= warm) samples.push(performance.now() - started);
  }
  return summarize(samples);
}

/**
 * Nearby search through the code path matching and estimates use
 * (findNearbyDrivers: 250 m → … → 10 km until 10 are found), single plain
 * GEOSEARCHes of 1 km (where the widening search used to start and, this
 * dense, stop) and 5 km (the slow case), and the baseline: a haversine
 * scan over the same positions in Postgres (a temporary table, so nothing is
 * left behind), all in this run on this machine.
 */
export async function measureNearby(options: { redis: Redis; databaseUrl: string; spots: readonly Spot[]; queries: number; baselineQueries: number }) {
  const { redis, queries } = options;
  const radii: number[] = [];
  const real = await timed(queries, async (spot) => radii.push((await findNearbyDrivers(redis, spot, WANTED)).radiusMeters));
  const plain1km = await timed(queries, (spot) => searchAvailable(redis, spot, 1_000, WANTED));
  const plain5km = await timed(queries, (spot) => searchAvailable(redis, spot, 5_000, WANTED));
  const baseline = await haversineBaseline(options.databaseUrl, options.spots, options.baselineQueries);
  const stoppedAt = new Map<number, number>();
  for (const radius of radii) stoppedAt.set(radius, (stoppedAt.get(radius) ?? 0) + 1);
  return { real, plain1km, plain5km, baseline, stoppedAt: [...stoppedAt].sort((a, b) => a[0] - b[0]) };
}

const BASELINE_SQL = `
  SELECT id, 12742000 * asin(sqrt(power(sin(radians(lat - $1) / 2), 2) + cos(radians($1)) * cos(radians(lat)) * power(sin(radians(lng - $2) / 2), 2))) AS meters
    FROM bench_rides_drivers ORDER BY meters LIMIT ${WANTED}`;

async function haversineBaseline(databaseUrl: string, spots: readonly Spot[], queries: number): Promise<Latencies> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("CREATE TEMPORARY TABLE bench_rides_drivers (id int PRIMARY KEY, lat double precision NOT NULL, lng double precision NOT NULL)");
    for (let start = 0; start < spots.length; start += 5_000) {
      const slice = spots.slice(start, start + 5_000);
      await client.query("INSERT INTO bench_rides_drivers SELECT * FROM unnest($1::int[], $2::float8[], $3::float8[])", [
        slice.map((_, index) => start + index),
        slice.map((spot) => spot.lat),
        slice.map((spot) => spot.lng),
      ]);
    }
    await client.query("ANALYZE bench_rides_drivers");
    return await timed(queries, (spot) => client.query(BASELINE_SQL, [spot.lat, spot.lng]), 10);
  } finally {
    await client.end();
  }
}
