/**
 * `npm run bench:shop [-- --quick]`
 *
 * Search (bench/shop/search.ts): seeds 50,000 products (5,000 with --quick)
 * from the deterministic bench catalog, then times 200 realistic queries with
 * facets through `searchProducts` — the operation behind shop.catalog.search,
 * called in this process on the stack's database — against a plain ILIKE scan
 * with the same filters in the same run. The same queries also go once through
 * the real HTTP path (GET /api/trpc/shop.catalog.search) for the figure a
 * browser sees, Next and tRPC included.
 *
 * Oversell (bench/shop/oversell.ts): 200 guests (50 with --quick) race for a
 * 10-unit product through the real HTTP paths and the checkout simulator;
 * exactly 10 may be paid, stock must end at 0, and replaying every completed
 * webhook 3 times must change nothing.
 *
 * BASE_URL set: uses that running app and its database (from
 * <DATA_DIR>/stack.json); the bench's products live under their own slug
 * prefix and are deleted afterwards. Otherwise it starts a throwaway stack on
 * free ports and stops it at the end.
 */
import { randomUUID } from "node:crypto";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import superjson from "superjson";
import { PrismaClient } from "../server/generated/prisma/client";
import { runOversell } from "./shop/oversell";
import { benchQueries, removeSearchCatalog, runSearchBench, seedSearchCatalog } from "./shop/search";
import { startBenchStack, type BenchStack } from "./support/bench-stack";

const quick = process.argv.includes("--quick");
const PRODUCTS = quick ? 5_000 : 50_000;
const OVERSELL_BUYERS = quick ? 50 : 200;
const OVERSELL_STOCK = 10;
const runId = randomUUID().slice(0, 8);
const log = (line: string) => console.log(line);

/** p95 of the same 200 queries through Next + tRPC over HTTP, one at a time. */
async function measureHttp(stack: BenchStack): Promise<{ p50: number; p95: number; failed: number }> {
  const times: number[] = [];
  let failed = 0;
  for (const params of benchQueries()) {
    const url = `${stack.webUrl}/api/trpc/shop.catalog.search?input=${encodeURIComponent(JSON.stringify(superjson.serialize(params)))}`;
    const started = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    times.push(performance.now() - started);
    if (!response.ok) failed++;
  }
  times.sort((a, b) => a - b);
  const at = (fraction: number) => Math.round((times[Math.min(times.length - 1, Math.ceil(times.length * fraction) - 1)] ?? 0) * 10) / 10;
  return { p50: at(0.5), p95: at(0.95), failed };
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
    log("The same queries over HTTP (Next + tRPC)...");
    await measureHttp(stack);
    const http = await measureHttp(stack);

    // --- oversell: concurrent guests through cart, checkout and the simulator, then webhook replays ---
    const oversell = await runOversell({ webUrl: stack.webUrl, db, buyers: OVERSELL_BUYERS, stock: OVERSELL_STOCK, log });

    const loadAverage = os.loadavg().map((value) => value.toFixed(2)).join(" ");
    console.log(`
Shop benchmark (${quick ? "quick" : "full"}: ${PRODUCTS.toLocaleString("en")} products seeded in ${seedSeconds.toFixed(0)} s, ${search.queries} queries with facets, ${search.meanResults} matches on average)
machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadAverage}

| search path                                              | p50 ms | p95 ms |
|----------------------------------------------------------|--------|--------|
| baseline: ILIKE '%word%' scan, same filters, no facets   | ${pad(search.baselineP50)} | ${pad(search.baselineP95)} |
| Casebook searchProducts (FTS + trigram, all facets, 1 RT) | ${pad(search.p50)} | ${pad(search.p95)} |
| Casebook GET /api/trpc/shop.catalog.search (HTTP)        | ${pad(http.p50)} | ${pad(http.p95)} |

baseline found nothing for ${search.baselineMisses} of ${search.queries} queries that Casebook answered (typos, word forms); HTTP failures: ${http.failed}

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
    console.log(`RESULT search_http_p50_ms=${http.p50}`);
    console.log(`RESULT search_http_p95_ms=${http.p95}`);
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

await main();
process.exit(0);
