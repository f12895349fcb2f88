import { performance } from "node:perf_hooks";
import { Redis } from "ioredis";
import type { PrismaClient } from "../../server/generated/prisma/client";
import { createRedisEventPublisher } from "../../server/realtime/redis-publisher";
import { connectClients } from "./clients";
import type { Conversation, Seeded } from "./data-set";
import { restartGateway, type RestartedGateway } from "./gateway-restart";
import { atFixedRate, drain, saturate, stats, type Send } from "./load";
import { committedTransactions, cpuSeconds, pidListeningOn, steadyRssKb, treeCpuSeconds } from "./processes";
import {
  app,
  CLIENTS,
  DRAIN_MS,
  MESSAGES,
  pause,
  quick,
  RATE,
  RECONNECT_LIMIT_MS,
  RESTART_MESSAGES,
  SATURATION_IN_FLIGHT,
  SATURATION_MESSAGES,
  WARMUP_MESSAGES,
  log,
} from "./settings";
import type { Target } from "./target";
import { run, Tracker } from "./tracker";

export type SendPath = { send: (index: number) => Send; outcome: { errors: number } };
type Stats = ReturnType<typeof stats>;

/** Starts a phase: a fresh tracker, and the counters as they were, so the phase reports only its own. */
function begin(sender: SendPath) {
  run.tracker = new Tracker();
  const before = { errors: sender.outcome.errors, reordered: run.reordered, duplicates: run.duplicates };
  return () => ({
    tracker: run.tracker,
    errors: sender.outcome.errors - before.errors,
    reordered: run.reordered - before.reordered,
    duplicates: run.duplicates - before.duplicates,
  });
}

/** What the fixed-rate and saturation phases both report about their deliveries. */
function deliveries(phase: ReturnType<ReturnType<typeof begin>>) {
  const answers = [...phase.tracker.pending.values()].flatMap((entry) => (entry.answered === undefined ? [] : [entry.answered - entry.start]));
  return {
    stats: stats(phase.tracker.latencies),
    /** Send call start → the route's answer: the web process and Postgres, without the fan-out. */
    answerStats: stats(answers),
    expected: phase.tracker.expectedTotal(),
    lost: phase.tracker.outstanding(),
    errors: phase.errors,
    reordered: phase.reordered,
    duplicates: phase.duplicates,
  };
}

export async function warmUp(sender: SendPath): Promise<void> {
  // Not measured: the route, Prisma's pool, the JIT and the gateway connections get hot.
  log(`Warm-up: ${WARMUP_MESSAGES} messages at ${RATE}/s (not measured)...`);
  await atFixedRate(WARMUP_MESSAGES, RATE, sender.send);
  await drain(3_000);
}

export type FixedRateResult = { stats: Stats; answerStats: Stats; expected: number; lost: number; errors: number; reordered: number; duplicates: number; achievedRate: number; lateStarts: number };

/** 1. A fixed offered rate through the send route; latency = send call start → `message` at each member. */
export async function fixedRatePhase(sender: SendPath): Promise<FixedRateResult> {
  const end = begin(sender);
  log(`Fixed-rate phase: ${MESSAGES.toLocaleString("en")} messages at ${RATE}/s through POST /api/chat/conversations/{id}/messages...`);
  const progress = setInterval(() => log(`  … ${run.tracker.pending.size} sent, ${sender.outcome.errors} errors, ${run.tracker.outstanding()} receipts outstanding`), 5_000);
  const fixed = await atFixedRate(MESSAGES, RATE, sender.send).finally(() => clearInterval(progress));
  await drain(DRAIN_MS);
  const phase = end();
  return {
    ...deliveries(phase),
    achievedRate: Math.round((MESSAGES - phase.errors) / fixed.seconds),
    lateStarts: fixed.lateStarts,
  };
}

export type SaturationResult = {
  stats: Stats;
  answerStats: Stats;
  expected: number;
  lost: number;
  errors: number;
  reordered: number;
  duplicates: number;
  deliveryMps: number;
  /** How long the phase took, first send to last receipt. */
  seconds: number;
  webCpuMs: number | undefined;
  gatewayCpuMs: number | undefined;
  postgresCpuMs: number | undefined;
  redisCpuMs: number | undefined;
  /** This bench process: the 1,000 pusher-js clients and the senders. */
  benchCpuMs: number | undefined;
  /** Not taken with --quick: Postgres publishes the counts only every 1–10 s, so each reading waits for them to settle. */
  pgXactsPerMessage: number | undefined;
};

/** 2. A closed loop with SATURATION_IN_FLIGHT sends in flight: the highest rate the send path sustains, and its cost per message. */
export async function saturationPhase(sender: SendPath, target: Target, db: PrismaClient, offset: number): Promise<SaturationResult> {
  const end = begin(sender);
  log(`Saturation phase: ${SATURATION_MESSAGES.toLocaleString("en")} messages, ${SATURATION_IN_FLIGHT} sends in flight...`);
  const pids = {
    web: pidListeningOn(Number(new URL(target.webUrl).port)),
    gateway: pidListeningOn(target.gatewayPort),
    postgres: pidListeningOn(Number(new URL(target.databaseUrl).port)),
    redis: pidListeningOn(Number(new URL(target.redisUrl).port)),
  };
  const cpuNow = async () => {
    const [web, gateway, postgres, redis] = await Promise.all([cpuSeconds(pids.web), cpuSeconds(pids.gateway), treeCpuSeconds(pids.postgres), cpuSeconds(pids.redis)]);
    const bench = process.cpuUsage();
    return { web, gateway, postgres, redis, bench: (bench.user + bench.system) / 1e6 };
  };
  const xactsBefore = quick ? undefined : await committedTransactions(db);
  const cpuBefore = await cpuNow();
  const started = performance.now();
  await saturate(SATURATION_MESSAGES, SATURATION_IN_FLIGHT, (index) => sender.send(offset + index));
  await drain(DRAIN_MS);
  const phase = end();
  const finished = phase.tracker.outstanding() === 0 ? phase.tracker.lastReceipt : performance.now();
  const delivered = [...phase.tracker.pending.values()].filter((entry) => !entry.failed && entry.received >= entry.expected).length;
  // CPU per message is what a shared, noisy machine cannot distort much: time slices lost to others are not counted.
  const cpuAfter = await cpuNow();
  const xactsAfter = quick ? undefined : await committedTransactions(db);
  const perMessageMs = (before: number | undefined, after: number | undefined) =>
    before !== undefined && after !== undefined ? Math.round(((after - before) * 1000 * 100) / SATURATION_MESSAGES) / 100 : undefined;
  return {
    ...deliveries(phase),
    deliveryMps: Math.round(delivered / ((finished - started) / 1000)),
    seconds: Math.round((finished - started) / 100) / 10,
    webCpuMs: perMessageMs(cpuBefore.web, cpuAfter.web),
    gatewayCpuMs: perMessageMs(cpuBefore.gateway, cpuAfter.gateway),
    postgresCpuMs: perMessageMs(cpuBefore.postgres, cpuAfter.postgres),
    redisCpuMs: perMessageMs(cpuBefore.redis, cpuAfter.redis),
    benchCpuMs: perMessageMs(cpuBefore.bench, cpuAfter.bench),
    // Each autocommitted statement is one transaction: Postgres round trips the app made per message (this bench's own readings aside).
    pgXactsPerMessage:
      xactsBefore && xactsAfter ? Math.round(((xactsAfter.commits - xactsBefore.commits - xactsBefore.readings) * 100) / SATURATION_MESSAGES) / 100 : undefined,
  };
}

export type BaselineResult = { stats: Stats; expected: number; lost: number; errors: number; duplicates: number; achievedRate: number };

/**
 * 3. The app's own publish path without the app: the same Redis topic publisher a send uses
 * (server/realtime/redis-publisher.ts), no web process, no database; as many messages as the
 * fixed-rate phase, at the same rate, to the same channels and clients.
 */
export async function baselinePhase(target: Target, seeded: Seeded): Promise<BaselineResult> {
  run.tracker = new Tracker();
  const duplicatesBefore = run.duplicates;
  const redis = new Redis(target.redisUrl);
  const publisher = createRedisEventPublisher({ redis, appId: app.id });
  let errors = 0;
  log(`Baseline: ${MESSAGES.toLocaleString("en")} events published on the gateways' Redis topics at ${RATE}/s to the same clients...`);
  const baseRun = await atFixedRate(MESSAGES, RATE, (index) => async () => {
    const conversation = seeded.conversations[Math.floor(Math.random() * seeded.conversations.length)] as Conversation;
    const key = `raw-${index}`;
    run.tracker.expect(key, performance.now(), conversation.members.length);
    try {
      await publisher.publishEvents([{ channel: `private-chat-${conversation.id}`, event: "bench-raw", data: { k: key, preview: `bench message ${index}` } }]);
    } catch {
      errors++;
      const entry = run.tracker.pending.get(key);
      if (entry) entry.failed = true;
    }
  });
  await drain(DRAIN_MS);
  redis.disconnect();
  return {
    stats: stats(run.tracker.latencies),
    expected: run.tracker.expectedTotal(),
    lost: run.tracker.outstanding(),
    errors,
    duplicates: run.duplicates - duplicatesBefore,
    achievedRate: Math.round(MESSAGES / baseRun.seconds),
  };
}

export type MemoryResult = { rssBefore: number | undefined; rssAfter: number | undefined; connKb: number | undefined };

/**
 * 4. `conn_kb`: VmRSS growth of the warm gateway per idle, subscribed client, from a second wave of the same
 * clients. (A fresh gateway sheds tens of MB of start-up garbage during its first minute, which would hide them.)
 */
export async function memoryPhase(target: Target, seeded: Seeded): Promise<MemoryResult> {
  const pid = pidListeningOn(target.gatewayPort);
  log(`Memory: VmRSS before and after a second wave of ${CLIENTS} idle, subscribed clients...`);
  const rssBefore = await steadyRssKb(pid);
  const secondWave = await connectClients(target, seeded, 0, CLIENTS);
  await pause(1_000);
  const rssAfter = await steadyRssKb(pid);
  for (const client of secondWave) client.disconnect();
  return { rssBefore, rssAfter, connKb: rssBefore !== undefined && rssAfter !== undefined ? (rssAfter - rssBefore) / CLIENTS : undefined };
}

export type RestartResult = {
  /** Why receipts were lost: the message after everything the client saw (a missed tail) or inside a hole it never filled. */
  losses: { tail: number; hole: number; examples: string[] };
  /** The slowest send's answer, and when the last one came (after the stop): sends must not wait on the gateway. */
  slowestSendMs: number | undefined;
  lastAnswerMs: number;
  downMs: number;
  socketsBack: { count: number; p50Ms: number | undefined; allMs: number | undefined };
  resubscribed: number;
  resubscribedMs: number | undefined;
  lost: number;
  resynced: number;
  expected: number;
  errors: number;
  reordered: number;
  duplicates: number;
};

/**
 * 5. Sends go on at RATE while the gateway is stopped (SIGTERM) and the stack's supervisor starts it again. pusher-js
 * reconnects and re-subscribes; each client fills what it missed from history exactly as the browser does.
 */
export async function restartPhase(sender: SendPath, target: Target, memberships: number, offset: number): Promise<RestartResult> {
  const end = begin(sender);
  run.resubscriptions.count = 0;
  run.reconnections.count = 0;
  run.reconnections.times = [];
  run.subscriptionFailures.clear();
  const restartAt = Math.floor(RESTART_MESSAGES / 4);
  let restarting: Promise<RestartedGateway> | undefined;
  log(`Gateway restart: ${RESTART_MESSAGES.toLocaleString("en")} messages at ${RATE}/s; the gateway is stopped and started again after ${restartAt}...`);
  await atFixedRate(RESTART_MESSAGES, RATE, (index) => {
    if (index === restartAt) restarting = restartGateway(target.gatewayPort);
    return sender.send(offset + index);
  });
  const restarted = await restarting;
  if (!restarted) throw new Error("the gateway restart never started");
  const until = performance.now() + RECONNECT_LIMIT_MS;
  while (run.resubscriptions.count < memberships && performance.now() < until) await pause(50);
  const resubscribedMs = run.resubscriptions.count >= memberships ? run.resubscriptions.last - restarted.stoppedAt : undefined;
  const backTimes = run.reconnections.times.map((time) => time - restarted.stoppedAt).sort((a, b) => a - b);
  await drain(DRAIN_MS);
  const phase = end();
  const losses = explainLosses(phase.tracker, restarted.stoppedAt);
  const answers = [...phase.tracker.pending.values()].map((entry) => (entry.answered ?? restarted.stoppedAt) - entry.start).sort((a, b) => a - b);
  return {
    losses,
    slowestSendMs: answers.at(-1),
    lastAnswerMs: Math.max(...[...phase.tracker.pending.values()].map((entry) => entry.answered ?? 0)) - restarted.stoppedAt,
    downMs: restarted.downMs,
    socketsBack: {
      count: run.reconnections.count,
      p50Ms: backTimes[Math.floor(backTimes.length / 2)],
      allMs: run.reconnections.count >= CLIENTS ? backTimes.at(-1) : undefined,
    },
    resubscribed: run.resubscriptions.count,
    resubscribedMs,
    lost: phase.tracker.outstanding(),
    resynced: phase.tracker.resynced,
    expected: phase.tracker.expectedTotal(),
    errors: phase.errors,
    reordered: phase.reordered,
    duplicates: phase.duplicates,
  };
}

/** Sorts the lost receipts of a phase by what the client's view looked like at the end. */
function explainLosses(tracker: Tracker, since: number): RestartResult["losses"] {
  const byConversation = new Map<string, typeof run.timelines>();
  for (const timeline of run.timelines) byConversation.set(timeline.conversationId, [...(byConversation.get(timeline.conversationId) ?? []), timeline]);
  const losses: RestartResult["losses"] = { tail: 0, hole: 0, examples: [] };
  for (const entry of tracker.pending.values()) {
    if (entry.failed || entry.received >= entry.expected || entry.seq === undefined || entry.conversationId === undefined) continue;
    for (const timeline of byConversation.get(entry.conversationId) ?? []) {
      if (timeline.holds(entry.seq)) continue;
      const tail = entry.seq > timeline.highestSeq();
      if (tail) losses.tail++;
      else losses.hole++;
      if (losses.examples.length < 5) {
        const at = (time: number | undefined) => (time === undefined ? "?" : ((time - since) / 1000).toFixed(1));
        losses.examples.push(
          `${entry.conversationId.slice(-4)} seq ${entry.seq} answered at ${at(entry.answered)} s; client saw up to ${timeline.contiguousSeq()} contiguous, ${timeline.highestSeq()} highest, caught up at ${at(timeline.lastCatchUp())} s`,
        );
      }
    }
  }
  return losses;
}
