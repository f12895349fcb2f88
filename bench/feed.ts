/**
 * `npm run bench:feed [-- --quick]`
 *
 * Builds a Feed world in the stack's Postgres (bench/feed/data-set.ts): full
 * 20,000 users with power-law follows averaging about 200, 10 celebrities
 * followed by 15,000 each, an author with 5,000 followers and 300,000 posts;
 * --quick 6,000 users, follows averaging about 100, the 5,000-follower author
 * and one celebrity with 5,900 followers (the threshold is set to 5,500).
 * Then, through the real HTTP API (Next + tRPC, signed session cookies):
 * - the home timeline's first page of 20, hydrated, for random readers: cold
 *   (first read rebuilds from Postgres) and warm, p50/p99;
 * - the same pages through the pull baseline, a fan-out-on-read Postgres query
 *   (bench/feed/data-set.ts PULL_PAGE_SQL), in the same run, and our read path
 *   called in-process, so the ratio also holds without Next's share;
 * - the author's post → present in all 5,000 followers' Redis timelines
 *   (their timelines built first, as active readers' would be);
 * - a celebrity's post: its write latency, and whether a follower's next read shows it.
 *
 * BASE_URL set: uses that app and its database (stack.json); the bench's users
 * (ids "bf-<run>-") are deleted afterwards. Otherwise a throwaway stack.
 */
import { randomUUID } from "node:crypto";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { readSecrets } from "../scripts/stack/secrets";
import { PrismaClient } from "../server/generated/prisma/client";
import { generateDataSet, PULL_PAGE_SQL, removeDataSet, type FeedDataSet } from "./feed/data-set";
import { percentile, trpcMutation, trpcQuery } from "./feed/http";
import { startBenchStack } from "./support/bench-stack";
import { createSessionCookies } from "./support/session-cookies";

const quick = process.argv.includes("--quick");
const runId = randomUUID().slice(0, 6);
const log = (line: string) => console.log(line);
const THRESHOLD = quick ? 5_500 : 10_000;
const SET: FeedDataSet = quick
  ? { prefix: `bf-${runId}-`, users: 6_000, celebrities: 1, celebrityFollowers: 5_900, authorFollowers: 5_000, avgFollows: 100, posts: 60_000 }
  : { prefix: `bf-${runId}-`, users: 20_000, celebrities: 10, celebrityFollowers: 15_000, authorFollowers: 5_000, avgFollows: 200, posts: 300_000 };
const READERS = quick ? 60 : 200;
const WARM_ROUNDS = quick ? 4 : 5;
const CELEBRITY_POSTS = 5;

type Page = { items: Array<{ entryId: string }>; nextCursor: string | null };

async function main() {
  const started = Date.now();
  const stack = await startBenchStack({
    name: "feed",
    env: {
      FEED_CELEBRITY_FOLLOWERS: String(THRESHOLD),
      RATE_LIMIT_FEED_POST_POINTS: "100000000",
      RATE_LIMIT_FEED_FOLLOW_POINTS: "100000000",
      RATE_LIMIT_FEED_LIKE_POINTS: "100000000",
    },
    log,
  });
  const secrets = { ...(await readSecrets(stack.dataDir)), ...process.env };
  if (!secrets.AUTH_SECRET) throw new Error(`bench:feed needs AUTH_SECRET (set it, or keep ${stack.dataDir}/auth-secret).`);
  // The in-process read path uses the stack's Postgres and Redis: env.ts reads these when first imported.
  Object.assign(process.env, { DATABASE_URL: stack.databaseUrl, REDIS_URL: stack.redisUrl, FEED_CELEBRITY_FOLLOWERS: String(THRESHOLD), LOG_LEVEL: "warn" });
  const { db: serverDb } = await import("../server/platform/db");
  const { redis } = await import("../server/platform/redis");
  const { getHomeTimeline } = await import("../server/feed/timeline/get-home-timeline");
  const { rebuildTimeline } = await import("../server/feed/timeline/ensure-timelines");
  const { timelineKey } = await import("../server/feed/timeline/timeline-store");
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: stack.databaseUrl }) });
  const pool = new pg.Pool({ connectionString: stack.databaseUrl, max: 2 });
  const id = (index: number) => `${SET.prefix}${index}`;
  try {
    log(`Generating ${SET.users.toLocaleString("en")} users, follows and ${SET.posts.toLocaleString("en")} posts...`);
    const generateStarted = Date.now();
    await generateDataSet(stack.databaseUrl, SET, log);
    const generateSeconds = (Date.now() - generateStarted) / 1000;

    // Readers follow the author and the celebrities (their ids sit in both follower ranges).
    const firstFollower = 1 + SET.celebrities;
    const readers = Array.from({ length: READERS }, (_, index) => id(firstFollower + Math.floor((index * SET.authorFollowers) / READERS)));
    const [authorCookie, celebrityCookie, ...readerCookies] = await createSessionCookies(db, [id(0), id(1), ...readers], secrets.AUTH_SECRET);
    const read = (index: number) => trpcQuery<Page>(stack.webUrl, "feed.timeline.home", { limit: 20 }, readerCookies[index] ?? "");

    log(`Home timeline over HTTP: ${READERS} readers, first read (cold: rebuilt from Postgres), then ${WARM_ROUNDS} warm rounds...`);
    const cold: number[] = [];
    for (let index = 0; index < READERS; index++) cold.push((await read(index)).ms);
    const warm: number[] = [];
    for (let round = 0; round < WARM_ROUNDS; round++) for (let index = 0; index < READERS; index++) warm.push((await read(index)).ms);

    log("The same pages in-process (no Next), and through the pull baseline query...");
    const inProcess: number[] = [];
    const pull: number[] = [];
    for (let round = 0; round < WARM_ROUNDS; round++) {
      for (const reader of readers) {
        let at = performance.now();
        await getHomeTimeline({ db: serverDb, redis, viewerId: reader, input: { limit: 20 } });
        inProcess.push(performance.now() - at);
        at = performance.now();
        await pool.query(PULL_PAGE_SQL, [reader]);
        pull.push(performance.now() - at);
      }
    }

    log(`Building the timelines of the author's ${SET.authorFollowers.toLocaleString("en")} followers (as active readers' would be)...`);
    const followers = Array.from({ length: SET.authorFollowers }, (_, index) => id(firstFollower + index));
    const buildStarted = Date.now();
    for (let start = 0; start < followers.length; start += 8) {
      await Promise.all(followers.slice(start, start + 8).map((userId) => rebuildTimeline({ db: serverDb, redis }, { kind: "home", userId })));
    }
    const buildSeconds = (Date.now() - buildStarted) / 1000;

    log("The author posts; waiting until every follower's timeline has it...");
    const fanOutStarted = performance.now();
    const authored = await trpcMutation<{ id: string }>(stack.webUrl, "feed.posts.create", { text: "Fan-out bench #bench" }, authorCookie ?? "");
    let missing = followers.length;
    while (missing > 0 && performance.now() - fanOutStarted < 60_000) {
      const pipeline = redis.pipeline();
      for (const userId of followers) pipeline.zscore(timelineKey("home", userId), authored.data.id);
      missing = ((await pipeline.exec()) ?? []).filter(([, score]) => score === null).length;
      if (missing > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const fanOutSeconds = missing === 0 ? (performance.now() - fanOutStarted) / 1000 : Number.NaN;

    log(`The celebrity posts ${CELEBRITY_POSTS} times; after each, a follower reads...`);
    const celebrityWrites: number[] = [];
    let visibleNextRead = 0;
    for (let index = 0; index < CELEBRITY_POSTS; index++) {
      const posted = await trpcMutation<{ id: string }>(stack.webUrl, "feed.posts.create", { text: `Celebrity bench ${index}` }, celebrityCookie ?? "");
      celebrityWrites.push(posted.ms);
      if ((await read(index)).data.items[0]?.entryId === posted.data.id) visibleNextRead += 1;
    }

    const figures = {
      timeline_p50_ms: percentile(warm, 0.5),
      timeline_p99_ms: percentile(warm, 0.99),
      timeline_cold_p50_ms: percentile(cold, 0.5),
      timeline_cold_p99_ms: percentile(cold, 0.99),
      timeline_inprocess_p50_ms: percentile(inProcess, 0.5),
      timeline_inprocess_p99_ms: percentile(inProcess, 0.99),
      pull_baseline_p50_ms: percentile(pull, 0.5),
      pull_baseline_p99_ms: percentile(pull, 0.99),
      speedup_vs_pull_x: 0,
      inprocess_speedup_vs_pull_x: 0,
      fanout_5000_s: Math.round(fanOutSeconds * 100) / 100,
      celebrity_post_ms: percentile(celebrityWrites, 0.5),
      celebrity_visible_next_read: visibleNextRead,
      celebrity_posts: CELEBRITY_POSTS,
    };
    figures.speedup_vs_pull_x = Math.round((figures.pull_baseline_p99_ms / figures.timeline_p99_ms) * 10) / 10;
    figures.inprocess_speedup_vs_pull_x = Math.round((figures.pull_baseline_p99_ms / figures.timeline_inprocess_p99_ms) * 10) / 10;

    const loadAverage = os.loadavg().map((value) => value.toFixed(2)).join(" ");
    console.log(`
Feed benchmark (${quick ? "quick" : "full"}: ${SET.users.toLocaleString("en")} users, ~${SET.avgFollows} follows each, ${SET.posts.toLocaleString("en")} posts, generated in ${generateSeconds.toFixed(0)} s; threshold ${THRESHOLD.toLocaleString("en")} followers)
machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadAverage}

| home timeline, first page of 20, hydrated     | p50 ms | p99 ms |
|-----------------------------------------------|--------|--------|
| HTTP, warm (Redis timeline, ${WARM_ROUNDS * READERS} reads)         | ${figures.timeline_p50_ms} | ${figures.timeline_p99_ms} |
| HTTP, cold (rebuilt from Postgres, ${READERS} reads)  | ${figures.timeline_cold_p50_ms} | ${figures.timeline_cold_p99_ms} |
| in-process read path (no Next/tRPC)           | ${figures.timeline_inprocess_p50_ms} | ${figures.timeline_inprocess_p99_ms} |
| pull baseline (fan-out on read, one query)    | ${figures.pull_baseline_p50_ms} | ${figures.pull_baseline_p99_ms} |

fan-out of one post to ${SET.authorFollowers.toLocaleString("en")} followers' timelines: ${figures.fanout_5000_s} s (timelines built first in ${buildSeconds.toFixed(1)} s)
celebrity post write (HTTP, median of ${CELEBRITY_POSTS}): ${figures.celebrity_post_ms} ms; on the follower's next read ${visibleNextRead}/${CELEBRITY_POSTS} times
whole run: ${((Date.now() - started) / 1000).toFixed(0)} s
`);
    for (const [name, value] of Object.entries(figures)) console.log(`RESULT ${name}=${value}`);
  } finally {
    if (!stack.throwaway) await removeDataSet(stack.databaseUrl, SET.prefix);
    await pool.end();
    await db.$disconnect();
    await serverDb.$disconnect();
    redis.disconnect();
    await stack.stop();
  }
}

await main();
