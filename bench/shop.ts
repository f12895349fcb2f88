/**
 * `npm run bench:shop [-- --quick]`
 *
 * Search (bench/shop/search.ts): seeds 50,000 products (5,000 with --quick)
 * from the deterministic bench catalog, then times 200 realistic queries with
 * facets through `searchProducts` — the operation behind shop.catalog.search,
 * called in this process on the stack's database — against a plain ILIKE scan
 * with pg_trgm indexes and the same filters in the same run, cold (the first
 * query of each term) and warm. The same queries also go through the real HTTP
 * path (GET /api/trpc/shop.catalog.search) for the figure a browser sees, Next
 * and tRPC included: one at a time, then from 16 concurrent clients, next to
 * the baseline behind a bare node:http server (bench/shop/search-baseline-server.ts)
 * under the same 16 clients.
 *
 * Oversell (bench/shop/oversell.ts): 200 guests (50 with --quick) race for a
 * 10-unit product through the real HTTP paths and the checkout simulator;
 * exactly 10 may be paid, stock must end at 0, and replaying every completed
 * webhook 3 times must change nothing.
 *
 * --search-only: the search figures alone, on a throwaway Postgres (bench/shop/search-only.ts).
 *
 * BASE_URL set: uses that running app and its database (from
 * <DATA_DIR>/stack.json); the bench's products live under their own slug
 * prefix and are deleted afterwards. Otherwise it starts a throwaway stack on
 * free ports and stops it at the end.
 */
import { randomUUID } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import superjson from "superjson";
import { readSecrets } from "../scripts/stack/secrets";
import { PrismaClient } from "../server/generated/prisma/client";
import type { SearchProductsParams } from "../server/shop/catalog/search-options";
import { runOversell } from "./shop/oversell";
import { benchQueries, percentile, removeSearchCatalog, runSearchBench, seedSearchCatalog } from "./shop/search";
import { runSearchOnly } from "./shop/search-only";
import { startBaselineProcess } from "./support/baseline-process";
import { startBenchStack } from "./support/bench-stack";

const quick = process.argv.includes("--quick");
const PRODUCTS = quick ? 5_000 : 50_000;
const OVERSELL_BUYERS = quick ? 50 : 200;
const OVERSELL_STOCK = 10;
const HTTP_CLIENTS = 16;
const runId = randomUUID().slice(0, 8);
const log = (line: string) => console.log(line);

type HttpResult = { p50: number; p95: number; rps: number; failed: number };

/** The 200 queries over HTTP from `clients` concurrent clients (each takes the next query when its answer is in). */
async function measureHttp(urlOf: (params: SearchProductsParams) => string, clients: number): Promise<HttpResult> {
  const queries = benchQueries();
  const times: number[] = [];
  let failed = 0;
  let next = 0;
  const client = async () => {
    for (let params = queries[next++]; params; params = queries[next++]) {
      const started = performance.now();
      const ok = await fetch(urlOf(params)).then(
        async (response) => (await response.arrayBuffer(), response.ok),
        () => false,
      );
      times.push(performance.now() - started);
      if (!ok) failed++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, client));
  const seconds = (performance.now() - started) / 1000;
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), rps: Math.round(queries.length / seconds), failed };
}


async function main() {
  const started = Date.now();
  const stack = await startBenchStack({ name: "shop", env: { RATE_LIMIT_CHECKOUT_POINTS: "100000000", RATE_LIMIT_CART_POINTS: "100000000" }, log });
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: stack.databaseUrl }) });
  const slugPrefix = `bench-${runId}-`;
  try {
    // --- search ---
    log(`Seeding ${PRODUCTS.toLocaleString("en")} products...`);
    const seedStarted = Date.now();
    await seedSearchCatalog(db, { count: PRODUCTS, slugPrefix, log });
    const seedSeconds = (Date.now() - seedStarted) / 1000;
    const search = await runSearchBench(db, { log });
    log(`The same queries over HTTP (Next + tRPC): one at a time, then ${HTTP_CLIENTS} clients at once, next to the baseline's...`);
    const appUrl = (params: SearchProductsParams) => `${stack.webUrl}/api/trpc/shop.catalog.search?input=${encodeURIComponent(JSON.stringify(superjson.serialize(params)))}`;
    const baselineServer = await startBaselineProcess(path.join(import.meta.dirname, "shop/search-baseline-server.ts"), [stack.databaseUrl]);
    const baselineUrl = (params: SearchProductsParams) => `${baselineServer.url}/search?input=${encodeURIComponent(JSON.stringify(params))}`;
    let http: HttpResult, appConcurrent: HttpResult, baselineConcurrent: HttpResult;
    try {
      await measureHttp(appUrl, 1);
      http = await measureHttp(appUrl, 1);
      await measureHttp(baselineUrl, HTTP_CLIENTS);
      baselineConcurrent = await measureHttp(baselineUrl, HTTP_CLIENTS);
      appConcurrent = await measureHttp(appUrl, HTTP_CLIENTS);
    } finally {
      baselineServer.stop();
    }

    // --- oversell: concurrent guests through cart, checkout and the simulator, then webhook replays ---
    // Replays are signed with the stack's own webhook secret (set, or generated under its data directory).
    const webhookSecret = process.env.STRIPE_WEBHOOK_SECRET ?? (await readSecrets(stack.dataDir)).STRIPE_WEBHOOK_SECRET;
    if (!webhookSecret) throw new Error(`bench:shop needs STRIPE_WEBHOOK_SECRET (set it, or keep the file under ${stack.dataDir}).`);
    const oversell = await runOversell({ webUrl: stack.webUrl, webhookSecret, db, buyers: OVERSELL_BUYERS, stock: OVERSELL_STOCK, log });

    const loadAverage = os.loadavg().map((value) => value.toFixed(2)).join(" ");
    console.log(`
Shop benchmark (${quick ? "quick" : "full"}: ${PRODUCTS.toLocaleString("en")} products seeded in ${seedSeconds.toFixed(0)} s, ${search.queries} queries with facets, ${search.meanResults} matches on average)
machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadAverage}

| search path (baseline: trigram-indexed ILIKE '%word%', same filters, no facets) | p50 ms | p95 ms | req/s  |
|---------------------------------------------------------------------------------|--------|--------|--------|
| cold, first query of each of ${String(search.coldQueries).padEnd(3)} terms: baseline                           | ${pad(search.baselineColdP50)} | ${pad(search.baselineColdP95)} |        |
| cold: Casebook searchProducts (FTS + trigram, all facets, 1 round trip)         | ${pad(search.coldP50)} | ${pad(search.coldP95)} |        |
| warm: baseline                                                                  | ${pad(search.baselineP50)} | ${pad(search.baselineP95)} |        |
| warm: Casebook searchProducts                                                   | ${pad(search.p50)} | ${pad(search.p95)} |        |
| HTTP, 1 client: Casebook GET /api/trpc/shop.catalog.search                      | ${pad(http.p50)} | ${pad(http.p95)} | ${pad(http.rps)} |
| HTTP, ${HTTP_CLIENTS} clients: baseline behind node:http                                   | ${pad(baselineConcurrent.p50)} | ${pad(baselineConcurrent.p95)} | ${pad(baselineConcurrent.rps)} |
| HTTP, ${HTTP_CLIENTS} clients: Casebook GET /api/trpc/shop.catalog.search                  | ${pad(appConcurrent.p50)} | ${pad(appConcurrent.p95)} | ${pad(appConcurrent.rps)} |

baseline found nothing for ${search.baselineMisses} of ${search.queries} queries that Casebook answered (typos, word forms); HTTP failures: ${http.failed + appConcurrent.failed} (baseline ${baselineConcurrent.failed})

Oversell: ${oversell.buyers} guests at once for ${oversell.stock} units (cart → checkout → simulator 4242 → signed webhook), ${oversell.seconds.toFixed(1)} s
| paid orders | told "sold out" | other failures | stock left (on hand / reserved) | webhook replays | double-applied |
|-------------|-----------------|----------------|---------------------------------|-----------------|----------------|
| ${pad(oversell.paidOrders)}      | ${pad(oversell.soldOut)}          | ${pad(oversell.otherFailures)}         | ${oversell.finalOnHand} / ${oversell.finalReserved}                           | ${pad(oversell.webhookReplays)}          | ${pad(oversell.webhookDoubleApplied)}         |
total time: ${((Date.now() - started) / 1000).toFixed(1)} s
`);
    console.log(`RESULT products=${PRODUCTS}`);
    console.log(`RESULT search_p50_ms=${search.p50}`);
    console.log(`RESULT search_p95_ms=${search.p95}`);
    console.log(`RESULT search_p99_ms=${search.p99}`);
    console.log(`RESULT baseline_p50_ms=${search.baselineP50}`);
    console.log(`RESULT baseline_p95_ms=${search.baselineP95}`);
    console.log(`RESULT speedup_vs_baseline_x=${search.p95 > 0 ? (search.baselineP95 / search.p95).toFixed(2) : "0"}`);
    console.log(`RESULT search_cold_p50_ms=${search.coldP50}`);
    console.log(`RESULT search_cold_p95_ms=${search.coldP95}`);
    console.log(`RESULT baseline_cold_p50_ms=${search.baselineColdP50}`);
    console.log(`RESULT baseline_cold_p95_ms=${search.baselineColdP95}`);
    console.log(`RESULT search_http_p50_ms=${http.p50}`);
    console.log(`RESULT search_http_p95_ms=${http.p95}`);
    console.log(`RESULT search_http_c${HTTP_CLIENTS}_p50_ms=${appConcurrent.p50}`);
    console.log(`RESULT search_http_c${HTTP_CLIENTS}_p95_ms=${appConcurrent.p95}`);
    console.log(`RESULT search_http_c${HTTP_CLIENTS}_rps=${appConcurrent.rps}`);
    console.log(`RESULT baseline_http_c${HTTP_CLIENTS}_p50_ms=${baselineConcurrent.p50}`);
    console.log(`RESULT baseline_http_c${HTTP_CLIENTS}_p95_ms=${baselineConcurrent.p95}`);
    console.log(`RESULT baseline_http_c${HTTP_CLIENTS}_rps=${baselineConcurrent.rps}`);
    console.log(`RESULT search_http_failures=${http.failed + appConcurrent.failed}`);
    console.log(`RESULT baseline_http_failures=${baselineConcurrent.failed}`);
    console.log(`RESULT stock=${oversell.stock}`);
    console.log(`RESULT buyers=${oversell.buyers}`);
    console.log(`RESULT paid_orders=${oversell.paidOrders}`);
    console.log(`RESULT sold_out=${oversell.soldOut}`);
    console.log(`RESULT checkout_failures=${oversell.otherFailures}`);
    console.log(`RESULT oversold=${oversell.oversold}`);
    console.log(`RESULT webhook_replays=${oversell.webhookReplays}`);
    console.log(`RESULT webhook_double_applied=${oversell.webhookDoubleApplied}`);
  } finally {
    await removeSearchCatalog(db, slugPrefix).catch((error: unknown) => console.error("cleanup failed:", error));
    await db.$disconnect();
    await stack.stop();
  }
}

function pad(value: number): string {
  return String(value).padStart(6);
}

if (process.argv.includes("--search-only")) await runSearchOnly({ products: PRODUCTS, log });
else await main();
process.exit(0);
