/**
 * `npm run bench:chat [-- --quick] [-- --rate=N]`
 *
 * Seeds users, sessions and conversations straight into Postgres (1,000 users
 * in 200 conversations; 200 in 40 with --quick): half DMs, half groups of 8,
 * every tenth group filled up to 50 members. Connects one official pusher-js
 * (Node build) client per user, which subscribes to `private-chat-<id>` of
 * each of its conversations through the app's own `/api/realtime/auth`
 * (session cookie). Then:
 *
 * 1. fixed-rate phase: N messages (20,000; 1,500 with --quick) sent at a fixed
 *    offered rate (100/s unless --rate=N) through the real send path — `POST /api/trpc/chat.send`
 *    (tRPC → Postgres → gateway) — by a random member of a random conversation;
 *    latency = send call start → `message` event at each member's client;
 * 2. saturation phase: a closed loop with a fixed number of sends in flight,
 *    whose delivered messages/s is reported as `delivery_mps`;
 * 3. baseline: the official `pusher` SDK `trigger` straight to the gateway
 *    (no web app, no database) to the same channels and clients, same rate;
 * 4. memory: `conn_kb` is the gateway's VmRSS growth per connected, subscribed,
 *    idle client: a second wave of the same clients (same subscriptions)
 *    connects to the warm gateway and stays idle; growth / clients;
 * 5. gateway restart: sends go on at the same rate while the gateway process is
 *    stopped (SIGTERM) and started again on the same port; pusher-js reconnects
 *    and re-subscribes, and each client fills what it missed from
 *    `chat.history({ after })` exactly as the browser's timeline does (on a seq
 *    gap, and after re-subscribing). `restart_lost` counts receipts that never
 *    arrived, live or from history; `lost` sums all phases.
 *
 * Clients hold messages by seq like the browser: a hole still open after 250 ms
 * is filled from history, so `lost` means "never displayed", not "no live event".
 * `reordered` counts `message` events arriving with a lower seq than one the same
 * client already saw on that channel (raw arrival order, before any client-side
 * sorting by seq — stricter than the displayed order, which sorts by seq).
 *
 * BASE_URL set: uses that running app, its database and gateway from
 * <DATA_DIR>/stack.json and its AUTH_SECRET (env or <DATA_DIR>/auth-secret),
 * with users and conversations it owns and deletes afterwards; conn_kb is
 * omitted when the gateway's process cannot be found, and the restart phase is
 * skipped (the gateway is not the bench's to stop). Otherwise it starts its
 * own stack on free ports with a throwaway database and stops it at the end.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import Pusher from "pusher";
import PusherClient from "pusher-js";
import { PrismaClient } from "../server/generated/prisma/client";
import { startBenchStack, type BenchStack } from "./support/bench-stack";

const quick = process.argv.includes("--quick");
const rateArg = process.argv.find((arg) => arg.startsWith("--rate="));
const CLIENTS = quick ? 200 : 1_000;
const CONVERSATIONS = quick ? 40 : 200;
const MESSAGES = quick ? 1_500 : 20_000;
/** Offered rate of the fixed-rate phase (messages/s), where p99 is judged. */
const RATE = rateArg ? Number(rateArg.slice("--rate=".length)) : 100;
const WARMUP_MESSAGES = quick ? 200 : 1_000;
const SATURATION_MESSAGES = quick ? 600 : 4_000;
const SATURATION_IN_FLIGHT = 32;
const BASELINE_MESSAGES = quick ? 300 : 2_000;
const BIG_GROUP_SIZE = 50;
/** Messages of the restart phase (sent at RATE while the gateway stops and starts again). */
const RESTART_MESSAGES = quick ? 400 : 3_000;
/** How long every client may take to reconnect and re-subscribe after the restart. */
const RECONNECT_LIMIT_MS = quick ? 20_000 : 60_000;
/** How long after the last send a missing receipt still counts as late rather than lost. */
const DRAIN_MS = quick ? 5_000 : 10_000;
/** Hard stop for the whole run, whatever happens (a safety net: a quick run takes under a minute on an idle machine). */
const HARD_LIMIT_MS = quick ? 180_000 : 15 * 60_000;
const runId = randomUUID().slice(0, 8);
const t0 = Date.now();
const log = (line: string) => console.log(line.startsWith("  ") ? line : `[${((Date.now() - t0) / 1000).toFixed(1).padStart(5)} s] ${line}`);

const app = {
  id: process.env.PUSHER_APP_ID ?? "casebook",
  key: process.env.PUSHER_APP_KEY ?? "casebook-key",
  secret: process.env.PUSHER_APP_SECRET ?? "casebook-secret",
};

type Target = BenchStack & { gatewayPort: number; authSecret: string };

async function startTarget(): Promise<Target> {
  // A throwaway stack hands process.env.AUTH_SECRET to its services; the bench signs session cookies with it.
  if (!process.env.BASE_URL) process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
  const stack = await startBenchStack({
    name: "chat",
    env: { RATE_LIMIT_CHAT_SEND_POINTS: "100000000", LOGIN_LIMIT_PER_IP: "100000", LOGIN_LIMIT_PER_ACCOUNT: "100000" },
    log,
  });
  if (!stack.gatewayUrl) {
    await stack.stop();
    throw new Error("bench:chat needs the project's gateway (stack.json has no gatewayUrl).");
  }
  const authSecret = process.env.AUTH_SECRET ?? (await fs.readFile(path.join(stack.dataDir, "auth-secret"), "utf8")).trim();
  return { ...stack, gatewayPort: Number(new URL(stack.gatewayUrl).port), authSecret };
}

// ---------------------------------------------------------------- data set

type Conversation = { id: string; kind: "dm" | "group"; members: number[] };

/** Half DMs between distinct pairs, half groups of 8 (every tenth filled up to 50 with users from elsewhere). */
function planConversations(): Conversation[] {
  const dms = Math.floor(CONVERSATIONS / 2);
  const groups = CONVERSATIONS - dms;
  const conversations: Conversation[] = [];
  for (let index = 0; index < dms; index++) conversations.push({ id: `bench-chat-${runId}-c${index}`, kind: "dm", members: [2 * index, 2 * index + 1] });
  const rest = Array.from({ length: CLIENTS - 2 * dms }, (_, offset) => 2 * dms + offset);
  const base = Math.max(2, Math.floor(rest.length / groups));
  for (let index = 0; index < groups; index++) {
    const members = new Set(rest.slice(index * base, index === groups - 1 ? rest.length : (index + 1) * base));
    if (index % 10 === 0) {
      let pick = (index * 37) % CLIENTS;
      while (members.size < Math.min(BIG_GROUP_SIZE, CLIENTS)) members.add((pick = (pick + 7) % CLIENTS));
    }
    conversations.push({ id: `bench-chat-${runId}-c${dms + index}`, kind: "group", members: [...members] });
  }
  return conversations;
}

type Seeded = { userIds: string[]; cookies: string[]; conversations: Conversation[] };

async function seed(db: PrismaClient, authSecret: string): Promise<Seeded> {
  const userIds = Array.from({ length: CLIENTS }, (_, index) => `bench-chat-${runId}-u${index}`);
  const tokens = userIds.map(() => randomBytes(24).toString("base64url"));
  await db.user.createMany({
    data: userIds.map((id, index) => ({
      id,
      name: `Bench ${index}`,
      email: `${id}@bench.casebook.dev`,
      username: `bc_${runId}_${index}`,
      displayUsername: `bc_${runId}_${index}`,
    })),
  });
  const expiresAt = new Date(Date.now() + 24 * 3600_000);
  await db.session.createMany({ data: userIds.map((userId, index) => ({ id: randomUUID(), token: tokens[index] ?? "", userId, expiresAt })) });
  const conversations = planConversations();
  await db.conversation.createMany({
    data: conversations.map((conversation) => ({
      id: conversation.id,
      kind: conversation.kind,
      name: conversation.kind === "group" ? `Bench group ${conversation.id.slice(-4)}` : null,
      dmKey: conversation.kind === "dm" ? conversation.members.map((member) => userIds[member]).sort().join(":") : null,
      createdById: userIds[conversation.members[0] ?? 0],
    })),
  });
  await db.conversationMember.createMany({
    data: conversations.flatMap((conversation) =>
      conversation.members.map((member, position) => ({
        conversationId: conversation.id,
        userId: userIds[member] ?? "",
        role: conversation.kind === "group" && position === 0 ? ("admin" as const) : ("member" as const),
      })),
    ),
  });
  // better-auth's cookie: `<token>.<base64 HMAC-SHA256(token, AUTH_SECRET)>`, URI-encoded (better-call signCookieValue).
  const cookies = tokens.map((token) => {
    const signature = createHmac("sha256", authSecret).update(token).digest("base64");
    return `better-auth.session_token=${encodeURIComponent(`${token}.${signature}`)}`;
  });
  return { userIds, cookies, conversations };
}

async function cleanUp(db: PrismaClient, seeded: Seeded | undefined) {
  if (!seeded) return;
  await db.conversation.deleteMany({ where: { id: { in: seeded.conversations.map((conversation) => conversation.id) } } });
  await db.user.deleteMany({ where: { id: { in: seeded.userIds } } });
}

// ---------------------------------------------------------------- clients and receipts

type Pending = { start: number; expected: number; received: number; failed: boolean };

/** Every expected receipt, keyed by the message's client id (chat) or the trigger's key (baseline). */
class Tracker {
  readonly pending = new Map<string, Pending>();
  latencies: number[] = [];
  lastReceipt = 0;
  expect(key: string, start: number, expected: number) {
    this.pending.set(key, { start, expected, received: 0, failed: false });
  }
  /** Receipts that arrived through a history fetch (gap fill or resync) rather than a live event. */
  resynced = 0;
  receive(key: string, viaHistory = false) {
    const entry = this.pending.get(key);
    if (!entry) return;
    const now = performance.now();
    entry.received++;
    if (viaHistory) this.resynced++;
    this.latencies.push(now - entry.start);
    this.lastReceipt = now;
  }
  outstanding(): number {
    let missing = 0;
    for (const entry of this.pending.values()) if (!entry.failed) missing += Math.max(0, entry.expected - entry.received);
    return missing;
  }
  expectedTotal(): number {
    let total = 0;
    for (const entry of this.pending.values()) if (!entry.failed) total += entry.expected;
    return total;
  }
}

let tracker = new Tracker();
let reordered = 0;
let duplicates = 0;

type MessageEnvelope = { conversationId: string; seq: number; clientId: string };
type RawEvent = { k: string };

/** How long a hole in the seqs may stay open before history fills it (as the browser's timeline does). */
const GAP_GRACE_MS = 250;
const CATCH_UP_PAGE = 50;
let historyFetches = 0;
let historyErrors = 0;
/** Re-subscriptions after the first (a reconnect), with the time of the latest. */
const resubscriptions = { count: 0, last: 0 };
/** Connections after a client's first (pusher-js reconnecting), with the time of the latest. */
const reconnections = { count: 0, last: 0 };

/**
 * One client's view of one conversation, mirroring components/chat/use-conversation-timeline.ts:
 * messages are held by seq; a hole (seq > contiguous + 1) that is still open after
 * GAP_GRACE_MS, or a reconnect, fetches `chat.history({ after: contiguous })` page by page.
 * The bench catches up once the channel is subscribed again (the browser does on "connected"),
 * so nothing committed before the new subscription can be missed.
 */
class ChannelTimeline {
  private readonly seen = new Set<number>();
  private readonly seenLive = new Set<number>();
  private maxLive = 0;
  private contiguous = 0;
  private maxSeq = 0;
  private gapTimer: NodeJS.Timeout | undefined;
  private catchingUp = false;
  private again = false;
  constructor(
    private readonly target: Target,
    private readonly cookie: string,
    private readonly conversationId: string,
  ) {}

  live(data: MessageEnvelope) {
    if (this.seenLive.has(data.seq)) {
      duplicates++;
      return;
    }
    this.seenLive.add(data.seq);
    if (data.seq < this.maxLive) reordered++;
    this.maxLive = Math.max(this.maxLive, data.seq);
    this.hold(data.seq, data.clientId, false);
  }

  resubscribed() {
    resubscriptions.count++;
    resubscriptions.last = performance.now();
    void this.catchUp();
  }

  private hold(seq: number, clientId: string, viaHistory: boolean) {
    if (this.seen.has(seq)) return;
    this.seen.add(seq);
    this.maxSeq = Math.max(this.maxSeq, seq);
    while (this.seen.has(this.contiguous + 1)) this.contiguous++;
    tracker.receive(clientId, viaHistory);
    if (this.maxSeq > this.contiguous && !this.gapTimer) {
      this.gapTimer = setTimeout(() => {
        this.gapTimer = undefined;
        if (this.maxSeq > this.contiguous) void this.catchUp();
      }, GAP_GRACE_MS);
    }
  }

  private async catchUp(): Promise<void> {
    if (this.catchingUp) {
      this.again = true;
      return;
    }
    this.catchingUp = true;
    try {
      do {
        this.again = false;
        let after = this.contiguous;
        for (;;) {
          historyFetches++;
          const input = encodeURIComponent(JSON.stringify({ json: { conversationId: this.conversationId, after, limit: CATCH_UP_PAGE } }));
          const response = await fetch(`${this.target.webUrl}/api/trpc/chat.history?input=${input}`, { headers: { cookie: this.cookie } });
          if (!response.ok) throw new Error(`chat.history ${response.status}`);
          const page = ((await response.json()) as { result: { data: { json: { messages: Array<{ seq: number; clientId: string }>; hasNewer: boolean } } } }).result
            .data.json;
          for (const message of page.messages) this.hold(message.seq, message.clientId, true);
          const last = page.messages.at(-1)?.seq;
          if (!page.hasNewer || last === undefined) break;
          after = last;
        }
      } while (this.again);
    } catch {
      historyErrors++;
    } finally {
      this.catchingUp = false;
    }
  }
}

async function connectClients(target: Target, seeded: Seeded, from: number, to: number): Promise<PusherClient[]> {
  const channelsOf: string[][] = seeded.userIds.map(() => []);
  for (const conversation of seeded.conversations) for (const member of conversation.members) channelsOf[member]?.push(`private-chat-${conversation.id}`);
  const clients: PusherClient[] = [];
  let authFailures = 0;
  const connectOne = async (index: number) => {
    const cookie = seeded.cookies[index] ?? "";
    const client = new PusherClient(app.key, {
      cluster: "",
      wsHost: "127.0.0.1",
      wsPort: target.gatewayPort,
      forceTLS: false,
      enabledTransports: ["ws"],
      disableStats: true,
      channelAuthorization: {
        endpoint: `${target.webUrl}/api/realtime/auth`,
        transport: "ajax",
        // The app's own endpoint with the member's session cookie, through fetch (pusher-js's Node XHR shim is slow).
        customHandler: ({ socketId, channelName }, callback) => {
          fetch(`${target.webUrl}/api/realtime/auth`, {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded", cookie },
            body: new URLSearchParams({ socket_id: socketId, channel_name: channelName }).toString(),
          })
            .then(async (response) => {
              if (!response.ok) throw new Error(`auth ${response.status}`);
              callback(null, (await response.json()) as { auth: string });
            })
            .catch((error: unknown) => {
              authFailures++;
              callback(error instanceof Error ? error : new Error(String(error)), null);
            });
        },
      },
    });
    clients.push(client);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`client ${index} did not connect`)), 15_000);
      let connections = 0;
      client.connection.bind("connected", () => {
        clearTimeout(timer);
        if (++connections > 1) {
          reconnections.count++;
          reconnections.last = performance.now();
        }
        resolve();
      });
    });
    await Promise.all(
      (channelsOf[index] ?? []).map(
        (name) =>
          new Promise<void>((resolve, reject) => {
            const channel = client.subscribe(name);
            const timeline = new ChannelTimeline(target, cookie, name.slice("private-chat-".length));
            channel.bind("message", (data: MessageEnvelope) => timeline.live(data));
            channel.bind("bench-raw", (data: RawEvent) => tracker.receive(data.k));
            const timer = setTimeout(() => reject(new Error(`client ${index} could not subscribe to ${name}`)), 15_000);
            let subscriptions = 0;
            channel.bind("pusher:subscription_succeeded", () => {
              clearTimeout(timer);
              subscriptions++;
              if (subscriptions > 1) timeline.resubscribed();
              resolve();
            });
            channel.bind("pusher:subscription_error", (error: unknown) => {
              clearTimeout(timer);
              reject(new Error(`subscription to ${name} refused: ${JSON.stringify(error)}`));
            });
          }),
      ),
    );
  };
  const BATCH = 25;
  for (let start = from; start < to; start += BATCH) {
    await Promise.all(Array.from({ length: Math.min(BATCH, to - start) }, (_, offset) => connectOne(start + offset)));
  }
  if (authFailures > 0) log(`  ${authFailures} channel authorizations failed`);
  return clients;
}

// ---------------------------------------------------------------- load

type Send = () => Promise<void>;

/** Fires `count` sends at `rate`/s (open loop: a slow send does not delay the next). */
async function atFixedRate(count: number, rate: number, makeSend: (index: number) => Send): Promise<{ seconds: number; lateStarts: number }> {
  const started = performance.now();
  const inFlight = new Set<Promise<void>>();
  let lateStarts = 0;
  for (let index = 0; index < count; index++) {
    const due = started + (index * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    else if (wait < -10) lateStarts++;
    const promise = makeSend(index)().finally(() => inFlight.delete(promise));
    inFlight.add(promise);
  }
  await Promise.all(inFlight);
  return { seconds: (performance.now() - started) / 1000, lateStarts };
}

/** Keeps `inFlight` sends going until `count` are done (closed loop). */
async function saturate(count: number, inFlight: number, makeSend: (index: number) => Send): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await makeSend(next++)();
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
}

async function drain(deadlineMs: number) {
  const until = performance.now() + deadlineMs;
  while (performance.now() < until && tracker.outstanding() > 0) await new Promise((resolve) => setTimeout(resolve, 50));
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function stats(values: number[]) {
  const sorted = Float64Array.from(values).sort();
  const list = Array.from(sorted);
  const round = (value: number) => Math.round(value * 10) / 10;
  return { p50: round(percentile(list, 50)), p95: round(percentile(list, 95)), p99: round(percentile(list, 99)), max: round(list.at(-1) ?? 0) };
}

function gatewayPid(port: number): number | undefined {
  try {
    const out = execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
    const match = /pid=(\d+)/.exec(out);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** VmRSS once two readings 500 ms apart agree within 1% (at most 4 s of waiting; the GC makes single readings jumpy). */
async function steadyRssKb(pid: number | undefined): Promise<number | undefined> {
  let previous = await rssKb(pid);
  for (let attempt = 0; attempt < 8 && previous !== undefined; attempt++) {
    await pause(500);
    const current = await rssKb(pid);
    if (current === undefined) return previous;
    if (Math.abs(current - previous) <= previous * 0.01) return current;
    previous = current;
  }
  return previous;
}

async function rssKb(pid: number | undefined): Promise<number | undefined> {
  if (!pid) return undefined;
  const status = await fs.readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  return match ? Number(match[1]) : undefined;
}

type RestartedGateway = { child: ChildProcess; downMs: number; stoppedAt: number };

/**
 * Stops the stack's gateway (SIGTERM: clients are told 4200, reconnect now) and
 * starts the same program again on the same port, with the command line,
 * environment and working directory it had (read from /proc).
 */
async function restartGateway(port: number): Promise<RestartedGateway> {
  const pid = gatewayPid(port);
  if (!pid) throw new Error(`no process listens on the gateway port ${port}`);
  const argv = (await fs.readFile(`/proc/${pid}/cmdline`, "utf8")).split("\0").filter(Boolean);
  const environ = (await fs.readFile(`/proc/${pid}/environ`, "utf8")).split("\0").filter(Boolean);
  const cwd = await fs.readlink(`/proc/${pid}/cwd`);
  // Exactly the environment it had, NODE_ENV included.
  const env = Object.fromEntries(environ.map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)])) as NodeJS.ProcessEnv;
  const [command, ...args] = argv;
  if (!command) throw new Error(`cannot read the gateway's command line (pid ${pid})`);

  const stoppedAt = performance.now();
  process.kill(pid, "SIGTERM");
  while (await fs.stat(`/proc/${pid}`).then(() => true, () => false)) {
    if (performance.now() - stoppedAt > 15_000) throw new Error(`the gateway (pid ${pid}) did not stop within 15 s`);
    await pause(20);
  }
  const child: ChildProcess = spawn(command, args, { cwd, env, stdio: "ignore", detached: true });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the restarted gateway exited with code ${child.exitCode}`);
    const healthy = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(1_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) break;
    if (performance.now() - stoppedAt > 30_000) throw new Error("the restarted gateway did not become healthy within 30 s");
    await pause(50);
  }
  return { child, downMs: performance.now() - stoppedAt, stoppedAt };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 8_000);
  await exited;
  clearTimeout(timer);
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
async function cpuSeconds(pid: number | undefined): Promise<number | undefined> {
  if (!pid) return undefined;
  const stat = await fs.readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(ticks) ? ticks / CLOCK_TICKS_PER_SECOND : undefined;
}
const CLOCK_TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/** Transactions committed in this database so far (statistics are flushed to the view within a second or so). */
async function committedTransactions(db: PrismaClient): Promise<number> {
  await pause(1_000);
  const rows = await db.$queryRaw<Array<{ commits: bigint }>>`SELECT xact_commit AS commits FROM pg_stat_database WHERE datname = current_database()`;
  return Number(rows[0]?.commits ?? 0);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
  let restartedGateway: ChildProcess | undefined;
  try {
    log(`Seeding ${CLIENTS} users with sessions and ${CONVERSATIONS} conversations...`);
    seeded = await seed(db, target.authSecret);
    const memberships = seeded.conversations.reduce((sum, conversation) => sum + conversation.members.length, 0);
    const biggest = Math.max(...seeded.conversations.map((conversation) => conversation.members.length));

    const probe = await fetch(`${target.webUrl}/api/trpc/chat.list?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`, {
      headers: { cookie: seeded.cookies[0] ?? "" },
    });
    if (!probe.ok) throw new Error(`the signed session cookie was refused: chat.list → ${probe.status} ${await probe.text()}`);

    const pid = gatewayPid(target.gatewayPort);
    const rssIdle = await rssKb(pid);
    log(`Connecting ${CLIENTS} pusher-js clients (${memberships} subscriptions through /api/realtime/auth)...`);
    const connectStart = performance.now();
    clients = await connectClients(target, seeded, 0, CLIENTS);
    const connectSeconds = (performance.now() - connectStart) / 1000;

    const conversations = seeded.conversations;
    const cookies = seeded.cookies;
    const userIds = seeded.userIds;
    let sendErrors = 0;
    let firstError = "";
    const chatSend =
      (index: number): Send =>
      async () => {
        const conversation = conversations[Math.floor(Math.random() * conversations.length)] as Conversation;
        const sender = conversation.members[Math.floor(Math.random() * conversation.members.length)] as number;
        const clientId = `b${runId}-${index}-${Math.random().toString(36).slice(2, 8)}`;
        const start = performance.now();
        tracker.expect(clientId, start, conversation.members.length);
        try {
          const response = await fetch(`${target.webUrl}/api/trpc/chat.send`, {
            method: "POST",
            headers: { "content-type": "application/json", cookie: cookies[sender] ?? "" },
            body: JSON.stringify({ json: { conversationId: conversation.id, clientId, body: `bench message ${index} from ${userIds[sender]}` } }),
          });
          const text = await response.text();
          if (!response.ok) throw new Error(`${response.status} ${text.slice(0, 200)}`);
        } catch (error) {
          sendErrors++;
          firstError ||= error instanceof Error ? error.message : String(error);
          const entry = tracker.pending.get(clientId);
          if (entry) entry.failed = true;
        }
      };

    // Warm-up (not measured): Next's route, Prisma's pool, the JIT and the gateway connections get hot.
    log(`Warm-up: ${WARMUP_MESSAGES} messages at ${RATE}/s (not measured)...`);
    await atFixedRate(WARMUP_MESSAGES, RATE, chatSend);
    await drain(3_000);

    // --- 1. fixed offered rate through chat.send ---
    tracker = new Tracker();
    reordered = 0;
    duplicates = 0;
    log(`Fixed-rate phase: ${MESSAGES.toLocaleString("en")} messages at ${RATE}/s through POST /api/trpc/chat.send...`);
    const progress = setInterval(() => log(`  … ${tracker.pending.size} sent, ${sendErrors} errors, ${tracker.outstanding()} receipts outstanding`), 2_000);
    const fixed = await atFixedRate(MESSAGES, RATE, chatSend).finally(() => clearInterval(progress));
    await drain(DRAIN_MS);
    const fixedTracker = tracker;
    const fixedStats = stats(fixedTracker.latencies);
    const fixedExpected = fixedTracker.expectedTotal();
    const lost = fixedTracker.outstanding();
    const fixedErrors = sendErrors;
    const fixedReordered = reordered;
    const fixedDuplicates = duplicates;
    const achievedRate = Math.round((MESSAGES - fixedErrors) / fixed.seconds);

    // --- 2. saturation: the highest rate the send path sustains ---
    tracker = new Tracker();
    log(`Saturation phase: ${SATURATION_MESSAGES.toLocaleString("en")} messages, ${SATURATION_IN_FLIGHT} sends in flight...`);
    const webPid = gatewayPid(Number(new URL(target.webUrl).port));
    const [webCpuBefore, gatewayCpuBefore, xactsBefore] = await Promise.all([cpuSeconds(webPid), cpuSeconds(pid), committedTransactions(db)]);
    const satStart = performance.now();
    await saturate(SATURATION_MESSAGES, SATURATION_IN_FLIGHT, (index) => chatSend(MESSAGES + index));
    await drain(DRAIN_MS);
    const satEnd = tracker.outstanding() === 0 ? tracker.lastReceipt : performance.now();
    const satTracker = tracker;
    const satStats = stats(satTracker.latencies);
    const satLost = satTracker.outstanding();
    const satDelivered = [...satTracker.pending.values()].filter((entry) => !entry.failed && entry.received >= entry.expected).length;
    const deliveryMps = Math.round(satDelivered / ((satEnd - satStart) / 1000));
    // CPU per message is what a shared, noisy machine cannot distort much: time slices lost to others are not counted.
    const [webCpuAfter, gatewayCpuAfter, xactsAfter] = await Promise.all([cpuSeconds(webPid), cpuSeconds(pid), committedTransactions(db)]);
    // Each autocommitted statement is one transaction: Postgres round trips the app made per message (this bench's own two reads aside).
    const pgXactsPerMessage = Math.round(((xactsAfter - xactsBefore - 2) * 100) / SATURATION_MESSAGES) / 100;
    const perMessageMs = (before: number | undefined, after: number | undefined) =>
      before !== undefined && after !== undefined ? Math.round(((after - before) * 1000 * 100) / SATURATION_MESSAGES) / 100 : undefined;
    const webCpuMs = perMessageMs(webCpuBefore, webCpuAfter);
    const gatewayCpuMs = perMessageMs(gatewayCpuBefore, gatewayCpuAfter);
    const satReordered = reordered - fixedReordered;

    // --- 3. baseline: raw gateway trigger, no web app and no database ---
    tracker = new Tracker();
    const server = new Pusher({ appId: app.id, key: app.key, secret: app.secret, host: "127.0.0.1", port: String(target.gatewayPort), useTLS: false });
    let baselineErrors = 0;
    log(`Baseline: ${BASELINE_MESSAGES.toLocaleString("en")} raw pusher SDK triggers at ${RATE}/s to the same clients...`);
    const baseRun = await atFixedRate(BASELINE_MESSAGES, RATE, (index) => async () => {
      const conversation = conversations[Math.floor(Math.random() * conversations.length)] as Conversation;
      const key = `raw-${index}`;
      tracker.expect(key, performance.now(), conversation.members.length);
      try {
        await server.trigger(`private-chat-${conversation.id}`, "bench-raw", { k: key, preview: `bench message ${index}` });
      } catch {
        baselineErrors++;
        const entry = tracker.pending.get(key);
        if (entry) entry.failed = true;
      }
    });
    await drain(DRAIN_MS);
    const baseStats = stats(tracker.latencies);
    const baseLost = tracker.outstanding();

    // --- 4. memory: a second, idle wave of the same clients on the now warm gateway ---
    // (A fresh gateway sheds tens of MB of start-up garbage during its first minute, which would hide the connections.)
    log(`Memory: VmRSS before and after a second wave of ${CLIENTS} idle, subscribed clients...`);
    const rssBefore = await steadyRssKb(pid);
    const secondWave = await connectClients(target, seeded, 0, CLIENTS);
    await pause(1_000);
    const rssAfter = await steadyRssKb(pid);
    const connKb = rssBefore !== undefined && rssAfter !== undefined ? (rssAfter - rssBefore) / CLIENTS : undefined;
    for (const client of secondWave) client.disconnect();

    // --- 5. gateway restart mid-run: sends keep going; clients reconnect, re-subscribe and resync from history ---
    let restart: { downMs: number; socketsBackMs: number | undefined; reconnected: number; reconnectMs: number | undefined; resubscribed: number; lost: number; resynced: number; expected: number; errors: number } | undefined;
    if (target.throwaway) {
      tracker = new Tracker();
      resubscriptions.count = 0;
      reconnections.count = 0;
      const errorsBefore = sendErrors;
      const restartAt = Math.floor(RESTART_MESSAGES / 4);
      let restarting: Promise<RestartedGateway> | undefined;
      log(`Gateway restart: ${RESTART_MESSAGES.toLocaleString("en")} messages at ${RATE}/s; the gateway is stopped and started again after ${restartAt}...`);
      await atFixedRate(RESTART_MESSAGES, RATE, (index) => {
        if (index === restartAt) restarting = restartGateway(target.gatewayPort);
        return chatSend(MESSAGES + SATURATION_MESSAGES + index);
      });
      const restarted = await restarting;
      if (!restarted) throw new Error("the gateway restart never started");
      restartedGateway = restarted.child;
      const until = performance.now() + RECONNECT_LIMIT_MS;
      while (resubscriptions.count < memberships && performance.now() < until) await pause(50);
      const reconnectMs = resubscriptions.count >= memberships ? resubscriptions.last - restarted.stoppedAt : undefined;
      const socketsBackMs = reconnections.count >= CLIENTS ? reconnections.last - restarted.stoppedAt : undefined;
      await drain(DRAIN_MS);
      restart = {
        downMs: restarted.downMs,
        socketsBackMs,
        reconnected: reconnections.count,
        reconnectMs,
        resubscribed: resubscriptions.count,
        lost: tracker.outstanding(),
        resynced: tracker.resynced,
        expected: tracker.expectedTotal(),
        errors: sendErrors - errorsBefore,
      };
    } else {
      log("Gateway restart: skipped (BASE_URL: the gateway belongs to the running app).");
    }
    const f = (value: number | undefined) => String(value ?? "n/a").padStart(8);
    console.log(`
Chat benchmark (${quick ? "quick" : "full"}): ${CLIENTS} pusher-js clients, ${CONVERSATIONS} conversations (${Math.floor(CONVERSATIONS / 2)} DMs, ${CONVERSATIONS - Math.floor(CONVERSATIONS / 2)} groups, largest ${biggest}), ${memberships} subscriptions
machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; everything (stack, clients, senders) on this machine; load average (1 min) at the start ${loadAtStart.toFixed(1)}, at the end ${(os.loadavg()[0] ?? 0).toFixed(1)}
connect + subscribe through /api/realtime/auth: ${connectSeconds.toFixed(1)} s

| phase                                            | msgs   | offered/s | achieved/s | p50 ms   | p95 ms   | p99 ms   | max ms   | receipts | lost   | reordered | errors |
|--------------------------------------------------|--------|-----------|------------|----------|----------|----------|----------|----------|--------|-----------|--------|
| chat.send fixed rate (tRPC → Postgres → gateway) | ${String(MESSAGES).padStart(6)} | ${String(RATE).padStart(9)} | ${String(achievedRate).padStart(10)} |${f(fixedStats.p50)}  |${f(fixedStats.p95)}  |${f(fixedStats.p99)}  |${f(fixedStats.max)}  | ${String(fixedExpected).padStart(8)} | ${String(lost).padStart(6)} | ${String(fixedReordered).padStart(9)} | ${String(fixedErrors).padStart(6)} |
| chat.send saturation (${String(SATURATION_IN_FLIGHT).padStart(2)} in flight)              | ${String(SATURATION_MESSAGES).padStart(6)} |         - | ${String(deliveryMps).padStart(10)} |${f(satStats.p50)}  |${f(satStats.p95)}  |${f(satStats.p99)}  |${f(satStats.max)}  | ${String(satTracker.expectedTotal()).padStart(8)} | ${String(satLost).padStart(6)} | ${String(satReordered).padStart(9)} | ${String(sendErrors - fixedErrors).padStart(6)} |
${restart ? `| chat.send across a gateway restart               | ${String(RESTART_MESSAGES).padStart(6)} | ${String(RATE).padStart(9)} |          - |       -  |       -  |       -  |       -  | ${String(restart.expected).padStart(8)} | ${String(restart.lost).padStart(6)} |         - | ${String(restart.errors).padStart(6)} |\n` : ""}| baseline: pusher SDK trigger (no app, no DB)     | ${String(BASELINE_MESSAGES).padStart(6)} | ${String(RATE).padStart(9)} | ${String(Math.round(BASELINE_MESSAGES / baseRun.seconds)).padStart(10)} |${f(baseStats.p50)}  |${f(baseStats.p95)}  |${f(baseStats.p99)}  |${f(baseStats.max)}  | ${String(tracker.expectedTotal()).padStart(8)} | ${String(baseLost).padStart(6)} |         - | ${String(baselineErrors).padStart(6)} |

latency: send call start → "message" event at each member's client (all members, sender included), per receiving client.
lost: expected receipts (members of each successfully sent message) not received ${DRAIN_MS / 1000} s after the last send.
reordered: events arriving with a lower seq than one the same client already saw on that channel (raw arrival, before sorting by seq).
duplicates (same seq twice on a client): ${fixedDuplicates}; sends started > 10 ms late by the load generator: ${fixed.lateStarts}.
CPU per message during the saturation phase (drain included): web process ${webCpuMs ?? "n/a"} ms, gateway ${gatewayCpuMs ?? "n/a"} ms; Postgres transactions per message ${pgXactsPerMessage}
gateway VmRSS: ${rssIdle ?? "n/a"} kB fresh and idle; after the load ${rssBefore ?? "n/a"} kB with ${CLIENTS} clients → ${rssAfter ?? "n/a"} kB with a second wave of ${CLIENTS} idle, subscribed clients (conn_kb = growth / ${CLIENTS})${pid ? "" : " (gateway process not found)"}
gateway restart: ${restart ? `down (SIGTERM → healthy again) ${(restart.downMs / 1000).toFixed(1)} s; every socket connected again (${restart.reconnected}/${CLIENTS}) ${restart.socketsBackMs !== undefined ? `${(restart.socketsBackMs / 1000).toFixed(1)} s after the stop` : "NOT in time"}; every client re-subscribed (${restart.resubscribed}/${memberships} channels) ${restart.reconnectMs !== undefined ? `${(restart.reconnectMs / 1000).toFixed(1)} s after the stop` : `NOT within ${RECONNECT_LIMIT_MS / 1000} s`}; ${restart.resynced} receipts came from history (gap fill / resync), ${restart.lost} never arrived` : "not measured (BASE_URL)"}
history fetches by clients (gap fill + resync, whole run): ${historyFetches} (${historyErrors} failed)
${firstError ? `first send error: ${firstError}\n` : ""}total time: ${((Date.now() - started) / 1000).toFixed(1)} s
`);
    console.log(`RESULT delivery_p50_ms=${fixedStats.p50}`);
    console.log(`RESULT delivery_p95_ms=${fixedStats.p95}`);
    console.log(`RESULT delivery_p99_ms=${fixedStats.p99}`);
    console.log(`RESULT delivery_offered_mps=${RATE}`);
    console.log(`RESULT delivery_fixed_rate_mps=${achievedRate}`);
    console.log(`RESULT delivery_mps=${deliveryMps}`);
    console.log(`RESULT saturation_p99_ms=${satStats.p99}`);
    if (webCpuMs !== undefined) console.log(`RESULT web_cpu_per_msg_ms=${webCpuMs}`);
    console.log(`RESULT pg_xacts_per_msg=${pgXactsPerMessage}`);
    if (gatewayCpuMs !== undefined) console.log(`RESULT gateway_cpu_per_msg_ms=${gatewayCpuMs}`);
    console.log(`RESULT lost=${lost + satLost + (restart?.lost ?? 0)}`);
    console.log(`RESULT reordered=${reordered}`);
    console.log(`RESULT send_errors=${sendErrors}`);
    console.log(`RESULT baseline_p50_ms=${baseStats.p50}`);
    console.log(`RESULT baseline_p99_ms=${baseStats.p99}`);
    console.log(`RESULT baseline_lost=${baseLost}`);
    if (connKb !== undefined) console.log(`RESULT conn_kb=${connKb.toFixed(1)}`);
    if (restart) {
      console.log(`RESULT restart_lost=${restart.lost}`);
      console.log(`RESULT restart_resynced=${restart.resynced}`);
      console.log(`RESULT restart_down_s=${(restart.downMs / 1000).toFixed(1)}`);
      if (restart.socketsBackMs !== undefined) console.log(`RESULT restart_sockets_back_s=${(restart.socketsBackMs / 1000).toFixed(1)}`);
      if (restart.reconnectMs !== undefined) console.log(`RESULT restart_reconnect_s=${(restart.reconnectMs / 1000).toFixed(1)}`);
    }
    console.log(`RESULT clients=${CLIENTS}`);
    console.log(`RESULT connect_s=${connectSeconds.toFixed(1)}`);
  } finally {
    for (const client of clients) client.disconnect();
    if (restartedGateway) await stopChild(restartedGateway);
    await cleanUp(db, seeded).catch((error: unknown) => console.error("cleanup failed:", error));
    await db.$disconnect();
    await target.stop();
  }
}

await main();
process.exit(0);
