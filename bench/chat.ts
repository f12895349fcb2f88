/**
 * `npm run bench:chat [-- --quick] [-- --rate=N]`
 *
 * Seeds users, sessions and conversations straight into Postgres (1,000 users
 * in 200 conversations; 200 in 40 with --quick): half DMs, half groups of 8,
 * every tenth group filled up to 50 members. Connects one official pusher-js
 * (Node build) client per user, which subscribes to `private-chat-<id>` of
 * each of its conversations through the app's own `/api/realtime/auth`
 * (session cookie). Then (bench/chat/phases.ts):
 *
 * 1. fixed-rate phase: N messages (20,000; 1,500 with --quick) sent at a fixed
 *    offered rate (100/s unless --rate=N) through the real send path the browser
 *    uses — `POST /api/chat/conversations/{id}/messages` (answered before Next →
 *    Postgres → gateway) — by a random member of a random conversation;
 *    latency = send call start → `message` event at each member's client;
 * 2. saturation phase: a closed loop with a fixed number of sends in flight,
 *    whose delivered messages/s is reported as `delivery_mps`, with the web's
 *    and gateway's CPU and Postgres transactions per message;
 * 3. baseline: the same Redis topic publish a send ends in
 *    (server/realtime/redis-publisher.ts), without the web app or the
 *    database: as many messages as phase 1, same channels, clients and rate;
 * 4. memory: `conn_kb` is the gateway's VmRSS growth per connected, subscribed,
 *    idle client: a second wave of the same clients (same subscriptions)
 *    connects to the warm gateway and stays idle; growth / clients;
 * 5. gateway restart: sends go on at the same rate while the gateway process is
 *    stopped (SIGTERM) and the stack's supervisor starts it again; pusher-js reconnects
 *    and re-subscribes, and each client fills what it missed from
 *    `GET /api/chat/conversations/{id}/messages?after=` exactly as the browser's timeline does (on a seq
 *    gap, and after re-subscribing). `restart_lost` counts receipts that never
 *    arrived, live or from history; `lost` sums all phases.
 *
 * Clients hold messages by seq like the browser (bench/chat/channel-timeline.ts):
 * a hole still open after 250 ms is filled from history, so `lost` means "never
 * displayed", not "no live event". `reordered` counts `message` events arriving
 * with a lower seq than one the same client already saw on that channel (raw
 * arrival order, before any client-side sorting by seq), per phase, summed;
 * `duplicates` the same message arriving twice on one client's channel.
 *
 * BASE_URL set: uses that running app, its database and gateway from
 * <DATA_DIR>/stack.json and its AUTH_SECRET (env or <DATA_DIR>/auth-secret),
 * with users and conversations it owns and deletes afterwards; conn_kb is
 * omitted when the gateway's process cannot be found, and the restart phase is
 * skipped (the gateway is not the bench's to stop). Otherwise it starts its
 * own stack on free ports with a throwaway database and stops it at the end.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import type PusherClient from "pusher-js";
import { PrismaClient } from "../server/generated/prisma/client";
import { connectClients } from "./chat/clients";
import { cleanUp, seed, type Seeded } from "./chat/data-set";
import { baselinePhase, fixedRatePhase, memoryPhase, restartPhase, saturationPhase, warmUp, type RestartResult } from "./chat/phases";
import { pidListeningOn, rssKb } from "./chat/processes";
import { printReport } from "./chat/report";
import { chatSender } from "./chat/sender";
import { CLIENTS, CONVERSATIONS, HARD_LIMIT_MS, log, MESSAGES, SATURATION_MESSAGES } from "./chat/settings";
import { startTarget } from "./chat/target";

async function main() {
  const started = Date.now();
  const loadAtStart = os.loadavg()[0] ?? 0;
  const target = await startTarget();
  // Bounded whatever happens (counted from a running stack: a stale Next build is not the bench's time).
  const hardStop = setTimeout(() => {
    console.error(`bench:chat: hard time limit of ${HARD_LIMIT_MS / 1000} s reached; stopping.`);
    void target.stop().finally(() => process.exit(2));
  }, HARD_LIMIT_MS);
  hardStop.unref();
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: target.databaseUrl }) });
  let seeded: Seeded | undefined;
  let clients: PusherClient[] = [];
  let restart: RestartResult | undefined;
  try {
    log(`Seeding ${CLIENTS} users with sessions and ${CONVERSATIONS} conversations...`);
    seeded = await seed(db, target.authSecret);
    const memberships = seeded.conversations.reduce((sum, conversation) => sum + conversation.members.length, 0);
    const biggest = Math.max(...seeded.conversations.map((conversation) => conversation.members.length));

    const probe = await fetch(`${target.webUrl}/api/trpc/chat.list?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`, {
      headers: { cookie: seeded.cookies[0] ?? "" },
    });
    if (!probe.ok) throw new Error(`the signed session cookie was refused: chat.list → ${probe.status} ${await probe.text()}`);

    const gatewayPid = pidListeningOn(target.gatewayPort);
    const rssIdle = await rssKb(gatewayPid);
    log(`Connecting ${CLIENTS} pusher-js clients (${memberships} subscriptions through /api/realtime/auth)...`);
    const connectStart = performance.now();
    clients = await connectClients(target, seeded, 0, CLIENTS, { explainLosses: true });
    const connectSeconds = (performance.now() - connectStart) / 1000;

    const sender = chatSender(target, seeded);
    await warmUp(sender);
    const fixed = await fixedRatePhase(sender);
    const saturation = await saturationPhase(sender, target, db, MESSAGES);
    const baseline = await baselinePhase(target, seeded);
    const memory = await memoryPhase(target, seeded);
    if (target.throwaway) restart = await restartPhase(sender, target, memberships, MESSAGES + SATURATION_MESSAGES);
    else log("Gateway restart: skipped (BASE_URL: the gateway belongs to the running app).");

    printReport({
      started,
      loadAtStart,
      memberships,
      biggest,
      connectSeconds,
      rssIdle,
      gatewayFound: gatewayPid !== undefined,
      fixed,
      saturation,
      baseline,
      memory,
      restart,
      firstError: sender.outcome.firstError,
    });
  } finally {
    for (const client of clients) client.disconnect();
    await cleanUp(db, seeded).catch((error: unknown) => console.error("cleanup failed:", error));
    await db.$disconnect();
    await target.stop();
  }
}

await main();
process.exit(0);
