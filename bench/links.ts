/**
 * `npm run bench:links [-- --quick]`
 *
 * Seeds 100,000 links (10,000 with --quick), then drives `GET /{code}` with
 * autocannon (50 connections, desktop user agent, 80% of requests on 20% of
 * the codes) against the app and, in the same run, on the same machine, two
 * baselines serving the same codes (bench/links-baseline-server.ts): a bare
 * node:http + Redis GET + 302, and the same with the app's in-process cache
 * in front of Redis. Rounds alternate the three; each figure is the median
 * run. Then waits for the worker to drain the click stream and compares the
 * clicks counted in Postgres with the redirects served, and measures
 * `POST /api/shorten` with an API key.
 *
 * The app runs in its default configuration (during a burst of redirects the
 * worker holds the click ingest back and catches up after it); only the API-key
 * rate limit is raised, for the shorten run. `--ingest-at-once` runs it with
 * LINKS_INGEST_MAX_LAG_MS=0 instead (every click ingested as it arrives, the
 * cost of exact live counting during the burst), labelled as such.
 *
 * BASE_URL set: uses that running app and the database it wrote to
 * <DATA_DIR>/stack.json, in a namespace it owns (one bench user whose links,
 * clicks and key are deleted afterwards). Otherwise it starts its own stack on
 * free ports with a throwaway database and stops it at the end.
 */
import { randomUUID } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import autocannon from "autocannon";
import { Redis } from "ioredis";
import { env } from "../server/env";
import { PrismaClient } from "../server/generated/prisma/client";
import { createApiKey } from "../server/links/keys/create-api-key";
import { createCodePermutation } from "../server/links/manage/short-code";
import { startBaselineProcess } from "./support/baseline-process";
import { startBenchStack } from "./support/bench-stack";

const quick = process.argv.includes("--quick");
const ingestAtOnce = process.argv.includes("--ingest-at-once");
const LINKS = quick ? 10_000 : 100_000;
const REDIRECTS = quick ? 15_000 : 150_000;
/** Baseline and app runs alternate this many times; the median run of each counts (odd, so the median is a run). */
const ROUNDS = 3;
const SHORTEN_SECONDS = quick ? 3 : 10;
const CONNECTIONS = 50;
/** The setting `--ingest-at-once` runs with; the default run leaves the app's defaults. */
const INGEST_AT_ONCE_ENV = { LINKS_INGEST_MAX_LAG_MS: "0" };
/** Our stack's LINKS_INGEST_MAX_LAG_MS; waits for the ingest allow for it. */
const INGEST_MAX_LAG_MS = ingestAtOnce ? 0 : env.LINKS_INGEST_MAX_LAG_MS;
/** How long the click count must stand still, once it reached the clicks served, to count as settled. */
const SETTLE_MS = 2_000;
const DRAIN_TIMEOUT_MS = INGEST_MAX_LAG_MS + (quick ? 30_000 : 120_000);
const DESKTOP_UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const runId = randomUUID().slice(0, 8);
const log = (line: string) => console.log(line);

function startTarget() {
  return startBenchStack({
    name: "links",
    // Raised for the shorten run only (the redirect has no rate limit); with BASE_URL the running app's own apply.
    env: { RATE_LIMIT_API_KEY_POINTS: "100000000", ...(ingestAtOnce ? INGEST_AT_ONCE_ENV : {}) },
    log,
  });
}

/** 80% of requests go to the first 20% of codes; each connection draws independently. */
function mixedPaths(codes: string[]): () => string {
  const hot = Math.max(1, Math.floor(codes.length * 0.2));
  return () => {
    const index = Math.random() < 0.8 ? Math.floor(Math.random() * hot) : hot + Math.floor(Math.random() * (codes.length - hot));
    return `/${codes[index]}`;
  };
}

type LoadResult = autocannon.Result & {
  /**
   * First request to last response. A run of a fixed amount ends only at autocannon's next one-second
   * tick, so its own duration understated rates (a 1.3 s quick run counted as 2 s: every rate between
   * 7,500 and 15,000 req/s read 7,463); a fixed-duration run would cut requests off mid-flight and blur
   * the click count.
   */
  activeSeconds: number;
};

async function load(url: string, options: Partial<autocannon.Options>): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let lastResponse = started;
    const instance = autocannon({ url, connections: CONNECTIONS, pipelining: 1, ...options }, (error, result) =>
      error ? reject(error) : resolve({ ...result, activeSeconds: (lastResponse - started) / 1000 || result.duration }),
    );
    instance.on("response", () => (lastResponse = performance.now()));
  });
}

function redirectLoad(url: string, codes: string[], amount = REDIRECTS, pick = mixedPaths(codes)) {
  return load(url, {
    amount,
    headers: { "user-agent": DESKTOP_UA },
    requests: [{ method: "GET", setupRequest: (request) => ({ ...request, path: pick() }) }],
  });
}

type RunSummary = { rps: number; p50: number; p99: number; redirects: number; non3xx: number; errors: number; timeouts: number };

function summary(result: LoadResult): RunSummary {
  return {
    rps: Math.round(result["3xx"] / result.activeSeconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    redirects: result["3xx"],
    non3xx: result["1xx"] + result["2xx"] + result["4xx"] + result["5xx"],
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** The median run by rate (its latencies with it), and every run's failures added up. */
function medianOf(runs: RunSummary[]): RunSummary {
  const median = [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)];
  if (!median) throw new Error("no runs");
  const total = (key: "non3xx" | "errors" | "timeouts") => runs.reduce((sum, run) => sum + run[key], 0);
  return { ...median, non3xx: total("non3xx"), errors: total("errors"), timeouts: total("timeouts") };
}

type BaselineMode = ["bare"] | ["cached", string, string];

function startBaseline(redisUrl: string, prefix: string, mode: BaselineMode) {
  return startBaselineProcess(path.join(import.meta.dirname, "links-baseline-server.ts"), [redisUrl, prefix, ...mode]);
}

async function main() {
  const started = Date.now();
  const target = await startTarget();
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: target.databaseUrl }) });
  const redis = new Redis(target.redisUrl);
  const userId = `bench-links-${runId}`;
  const baselinePrefix = `casebook:bench:baseline:${runId}:`;
  const baselines: Array<{ stop: () => void }> = [];
  try {
    // --- data set: one bench user owns every link ---
    log(`Seeding ${LINKS.toLocaleString("en")} links...`);
    await db.user.create({ data: { id: userId, name: "Links benchmark", email: `${userId}@bench.casebook.dev` } });
    const permute = createCodePermutation(`bench-links-${runId}-secret`);
    const codes = Array.from({ length: LINKS }, (_, index) => permute(index));
    for (let start = 0; start < LINKS; start += 5_000) {
      const slice = codes.slice(start, start + 5_000);
      await db.link.createMany({ data: slice.map((code, offset) => ({ code, ownerId: userId, url: `https://example.com/bench/${start + offset}` })), skipDuplicates: true });
      const pipeline = redis.pipeline();
      slice.forEach((code, offset) => pipeline.set(baselinePrefix + code, `https://example.com/bench/${start + offset}`, "EX", 3600));
      await pipeline.exec();
    }
    const apiKey = (await createApiKey({ db, userId, name: "bench" })).key;
    await checkPaths(target.webUrl, codes[0] ?? "");

    // --- the baselines (bare, and with the app's in-process cache) and the app's redirect path, alternating ---
    const bare = await startBaseline(target.redisUrl, baselinePrefix, ["bare"]);
    const cached = await startBaseline(target.redisUrl, baselinePrefix, ["cached", String(env.LINKS_LOCAL_CACHE_MAX), String(env.LINKS_LOCAL_CACHE_TTL_MS)]);
    baselines.push(bare, cached);
    log("Warm-up: baselines and Casebook (every code once through the caches)...");
    await redirectLoad(bare.url, codes, 5_000);
    let nextCached = 0;
    await redirectLoad(cached.url, codes, LINKS, () => `/${codes[nextCached++ % codes.length]}`);
    // Each code once, in order, so Casebook's Redis holds every code as the baseline's does. (A random 80/20
    // warm-up missed most cold codes, whose first request in the measured run then read Postgres.)
    let next = 0;
    let served = summary(await redirectLoad(target.webUrl, codes, LINKS, () => `/${codes[next++ % codes.length]}`)).redirects;
    const bareRuns: RunSummary[] = [];
    const cachedRuns: RunSummary[] = [];
    const appRuns: RunSummary[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      // The ingest of the clicks served so far catches up after the redirects: let it finish first, so it
      // never slows the baseline and only Casebook's own run pays for its clicks.
      const drainStarted = Date.now();
      await waitForClicks(db, userId, served, DRAIN_TIMEOUT_MS);
      log(`Round ${round}/${ROUNDS}: clicks so far ingested in ${((Date.now() - drainStarted) / 1000).toFixed(1)} s; baselines, then Casebook GET /{code}...`);
      bareRuns.push(summary(await redirectLoad(bare.url, codes)));
      cachedRuns.push(summary(await redirectLoad(cached.url, codes)));
      const run = summary(await redirectLoad(target.webUrl, codes));
      appRuns.push(run);
      served += run.redirects;
    }
    for (const baseline of baselines.splice(0)) baseline.stop();
    const base = medianOf(bareRuns);
    const cachedBase = medianOf(cachedRuns);
    const app = medianOf(appRuns);

    // --- clicks: wait until the worker has drained the stream ---
    log(`Waiting for the worker to ingest ${served.toLocaleString("en")} clicks...`);
    const { counted, caughtUpMs } = await waitForClicks(db, userId, served, DRAIN_TIMEOUT_MS);

    // --- POST /api/shorten with an API key ---
    log("POST /api/shorten with an API key...");
    let sequence = 0;
    const shorten = await load(`${target.webUrl}/api/shorten`, {
      duration: SHORTEN_SECONDS,
      connections: 20,
      requests: [
        {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
          setupRequest: (request) => ({ ...request, body: JSON.stringify({ url: `https://example.com/shortened/${runId}/${sequence++}` }) }),
        },
      ],
    });
    const shortenRps = Math.round(shorten["2xx"] / shorten.activeSeconds);
    // Requests cut off at the end of the run are still finishing on the server: let them before cleaning up.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const shortenFailed = shorten.non2xx + shorten.errors + shorten.timeouts;

    const ratio = (baseline: RunSummary) => (baseline.rps > 0 ? app.rps / baseline.rps : 0).toFixed(2);
    const row = (label: string, run: RunSummary) =>
      `| ${label.padEnd(46)} | ${pad(run.rps)} | ${pad(run.p50)} | ${pad(run.p99)} | ${pad(run.non3xx)} | ${pad(run.errors)} | ${pad(run.timeouts)} |`;
    const configuration = process.env.BASE_URL ? "the running app's settings" : ingestAtOnce ? "ingest at once" : "default";
    // Negative when Postgres counted more clicks than were served (over-counting): never clamped.
    const clicksLost = served - counted;
    const caughtUp = caughtUpMs === null ? "never" : (caughtUpMs / 1000).toFixed(1);
    console.log(`
Links benchmark (${quick ? "quick" : "full"}: ${LINKS.toLocaleString("en")} links, ${REDIRECTS.toLocaleString("en")} redirects per run, ${CONNECTIONS} connections, 80/20 mix; median of ${ROUNDS} runs)
machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load ${os.loadavg()[0]?.toFixed(1)}

| path                                           | req/s  | p50 ms | p99 ms | non-3xx | errors | timeouts |
|------------------------------------------------|--------|--------|--------|---------|--------|----------|
${row(`Casebook GET /{code} (${configuration})`, app)}
${row("baseline: node:http + LRU cache + Redis GET", cachedBase)}
${row("baseline: node:http + Redis GET", base)}
| Casebook POST /api/shorten (key; limit raised) | ${pad(shortenRps)} | ${pad(shorten.latency.p50)} | ${pad(shorten.latency.p99)} | ${pad(shorten.non2xx)} | ${pad(shorten.errors)} | ${pad(shorten.timeouts)} |

ratio vs bare baseline: ${ratio(base)}   vs cached baseline: ${ratio(cachedBase)}
clicks served: ${served}   counted in Postgres: ${counted}   lost: ${clicksLost}${clicksLost < 0 ? " (over-counted)" : ""}   all counted ${caughtUp} s after the last run
total time: ${((Date.now() - started) / 1000).toFixed(1)} s
`);
    console.log(`RESULT ingest_at_once=${ingestAtOnce ? 1 : 0}`);
    console.log(`RESULT redirect_rps=${app.rps}`);
    console.log(`RESULT redirect_p50_ms=${app.p50}`);
    console.log(`RESULT redirect_p99_ms=${app.p99}`);
    console.log(`RESULT redirect_non_3xx=${app.non3xx}`);
    console.log(`RESULT redirect_errors=${app.errors}`);
    console.log(`RESULT redirect_timeouts=${app.timeouts}`);
    console.log(`RESULT baseline_rps=${base.rps}`);
    console.log(`RESULT baseline_p99_ms=${base.p99}`);
    console.log(`RESULT ratio_vs_baseline=${ratio(base)}`);
    console.log(`RESULT cached_baseline_rps=${cachedBase.rps}`);
    console.log(`RESULT cached_baseline_p99_ms=${cachedBase.p99}`);
    console.log(`RESULT ratio_vs_cached_baseline=${ratio(cachedBase)}`);
    console.log(`RESULT baseline_failures=${base.non3xx + base.errors + base.timeouts + cachedBase.non3xx + cachedBase.errors + cachedBase.timeouts}`);
    console.log(`RESULT clicks_served=${served}`);
    console.log(`RESULT clicks_counted=${counted}`);
    console.log(`RESULT clicks_lost=${clicksLost}`);
    console.log(`RESULT clicks_caught_up_s=${caughtUp}`);
    console.log(`RESULT shorten_rps=${shortenRps}`);
    console.log(`RESULT shorten_p99_ms=${shorten.latency.p99}`);
    console.log(`RESULT shorten_failed=${shortenFailed}`);
  } finally {
    for (const baseline of baselines) baseline.stop();
    await cleanUp(db, redis, userId, baselinePrefix).catch((error: unknown) => console.error("cleanup failed:", error));
    await db.$disconnect();
    redis.disconnect();
    await target.stop();
  }
}

/** Before measuring: the fast path redirects, an unknown code falls through to Next's friendly 404, pages still render. */
async function checkPaths(webUrl: string, code: string): Promise<void> {
  const hit = await fetch(`${webUrl}/${code}?check=1`, { redirect: "manual", headers: { "user-agent": "bench-check" } });
  const miss = await fetch(`${webUrl}/zz${runId.slice(0, 5)}`, { redirect: "manual" });
  const missBody = await miss.text();
  const page = await fetch(`${webUrl}/links`, { redirect: "manual" });
  const ok = hit.status === 302 && miss.status === 404 && missBody.includes("does not exist") && page.status !== 404;
  log(`Path check: /{code} → ${hit.status}, unknown code → ${miss.status} (Next route), /links → ${page.status}${ok ? "" : "  ← UNEXPECTED"}`);
}

/**
 * Clicks counted once the ingest has settled: past `expected`, it still waits for a quiet spell, so over-counting
 * shows. `caughtUpMs`: when the count first reached `expected`, from the call (null if it never did).
 */
async function waitForClicks(db: PrismaClient, userId: string, expected: number, timeoutMs: number): Promise<{ counted: number; caughtUpMs: number | null }> {
  const started = Date.now();
  const deadline = started + timeoutMs;
  let counted = 0;
  let caughtUpMs: number | null = null;
  let lastChange = Date.now();
  while (Date.now() < deadline) {
    const sum = await db.link.aggregate({ where: { ownerId: userId }, _sum: { clickCount: true } });
    const now = sum._sum.clickCount ?? 0;
    if (now !== counted) lastChange = Date.now();
    counted = now;
    if (counted >= expected) caughtUpMs ??= Date.now() - started;
    if (counted >= expected && Date.now() - lastChange > SETTLE_MS) break;
    // Nothing moved for 10 s past the ingest's longest hold-back: the worker has drained what it will.
    if (Date.now() - lastChange > INGEST_MAX_LAG_MS + 10_000) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { counted, caughtUpMs };
}

async function cleanUp(db: PrismaClient, redis: Redis, userId: string, baselinePrefix: string) {
  // Links, clicks, rollups and the key go with the user (ON DELETE CASCADE).
  await db.user.deleteMany({ where: { id: userId } });
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${baselinePrefix}*`, "COUNT", 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== "0");
}

function pad(value: number): string {
  return String(value).padStart(6);
}

await main();
process.exit(0);
