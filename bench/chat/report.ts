import os from "node:os";
import type { BaselineResult, FixedRateResult, MemoryResult, RestartResult, SaturationResult } from "./phases";
import { CLIENTS, CONVERSATIONS, DRAIN_MS, MESSAGES, quick, RATE, RECONNECT_LIMIT_MS, RESTART_MESSAGES, SATURATION_IN_FLIGHT, SATURATION_MESSAGES } from "./settings";
import { run } from "./tracker";

export type Report = {
  started: number;
  loadAtStart: number;
  memberships: number;
  biggest: number;
  connectSeconds: number;
  rssIdle: number | undefined;
  gatewayFound: boolean;
  fixed: FixedRateResult;
  saturation: SaturationResult;
  baseline: BaselineResult;
  memory: MemoryResult;
  restart: RestartResult | undefined;
  firstError: string;
};

const f = (value: number | undefined) => String(value ?? "n/a").padStart(8);
const n = (value: number, width: number) => String(value).padStart(width);
const s = (ms: number | undefined) => (ms === undefined ? undefined : (ms / 1000).toFixed(1));

/** The human table, then the RESULT lines (the names every bench prints, plus extras). */
export function printReport(r: Report): void {
  const { fixed, saturation: sat, baseline: base, memory, restart } = r;
  const duplicates = fixed.duplicates + sat.duplicates + (restart?.duplicates ?? 0);
  const failures = [...run.subscriptionFailures].map(([reason, count]) => `${count}× ${reason}`).join("; ");
  console.log(`
Chat benchmark (${quick ? "quick" : "full"}): ${CLIENTS} pusher-js clients, ${CONVERSATIONS} conversations (${Math.floor(CONVERSATIONS / 2)} DMs, ${CONVERSATIONS - Math.floor(CONVERSATIONS / 2)} groups, largest ${r.biggest}), ${r.memberships} subscriptions
machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; everything (stack, clients, senders) on this machine; load average (1 min) at the start ${r.loadAtStart.toFixed(1)}, at the end ${(os.loadavg()[0] ?? 0).toFixed(1)}
connect + subscribe through /api/realtime/auth: ${r.connectSeconds.toFixed(1)} s

| phase                                             | msgs   | offered/s | achieved/s | p50 ms   | p95 ms   | p99 ms   | max ms   | receipts | lost   | reordered | errors |
|---------------------------------------------------|--------|-----------|------------|----------|----------|----------|----------|----------|--------|-----------|--------|
| send route fixed rate (route → Postgres → gateway) | ${n(MESSAGES, 6)} | ${n(RATE, 9)} | ${n(fixed.achievedRate, 10)} |${f(fixed.stats.p50)}  |${f(fixed.stats.p95)}  |${f(fixed.stats.p99)}  |${f(fixed.stats.max)}  | ${n(fixed.expected, 8)} | ${n(fixed.lost, 6)} | ${n(fixed.reordered, 9)} | ${n(fixed.errors, 6)} |
| send route saturation (${String(SATURATION_IN_FLIGHT).padStart(2)} in flight)               | ${n(SATURATION_MESSAGES, 6)} |         - | ${n(sat.deliveryMps, 10)} |${f(sat.stats.p50)}  |${f(sat.stats.p95)}  |${f(sat.stats.p99)}  |${f(sat.stats.max)}  | ${n(sat.expected, 8)} | ${n(sat.lost, 6)} | ${n(sat.reordered, 9)} | ${n(sat.errors, 6)} |
${restart ? `| send route across a gateway restart               | ${n(RESTART_MESSAGES, 6)} | ${n(RATE, 9)} |          - |       -  |       -  |       -  |       -  | ${n(restart.expected, 8)} | ${n(restart.lost, 6)} | ${n(restart.reordered, 9)} | ${n(restart.errors, 6)} |\n` : ""}| baseline: Redis topic publish (no app, no DB)     | ${n(MESSAGES, 6)} | ${n(RATE, 9)} | ${n(base.achievedRate, 10)} |${f(base.stats.p50)}  |${f(base.stats.p95)}  |${f(base.stats.p99)}  |${f(base.stats.max)}  | ${n(base.expected, 8)} | ${n(base.lost, 6)} |         - | ${n(base.errors, 6)} |

latency: send call start → "message" event at each member's client (all members, sender included), per receiving client.
saturation: ${sat.deliveryMps} messages/s delivered to every member, sustained over ${sat.seconds} s (first send to last receipt).
send answered (send call start → the route's 201, before the fan-out): fixed rate p50 ${fixed.answerStats.p50} / p99 ${fixed.answerStats.p99} / max ${fixed.answerStats.max} ms; saturation p50 ${sat.answerStats.p50} / p99 ${sat.answerStats.p99} ms.
lost: expected receipts (members of each successfully sent message) not received ${DRAIN_MS / 1000} s after the last send.
reordered: events arriving with a lower seq than one the same client already saw on that channel (raw arrival, before sorting by seq), per phase.
duplicates (the same message twice on a client): fixed-rate phase ${fixed.duplicates}, all phases ${duplicates}, baseline ${base.duplicates}; sends started > 10 ms late by the load generator: ${fixed.lateStarts}.
CPU per message during the saturation phase (drain included): web process ${sat.webCpuMs ?? "n/a"} ms, gateway ${sat.gatewayCpuMs ?? "n/a"} ms, Postgres ${sat.postgresCpuMs ?? "n/a"} ms, Redis ${sat.redisCpuMs ?? "n/a"} ms, this bench (clients + senders) ${sat.benchCpuMs ?? "n/a"} ms; Postgres transactions per message ${sat.pgXactsPerMessage ?? "not counted with --quick"}
gateway VmRSS: ${r.rssIdle ?? "n/a"} kB fresh and idle; after the load ${memory.rssBefore ?? "n/a"} kB with ${CLIENTS} clients → ${memory.rssAfter ?? "n/a"} kB with a second wave of ${CLIENTS} idle, subscribed clients (conn_kb = growth / ${CLIENTS})${r.gatewayFound ? "" : " (gateway process not found)"}
gateway restart: ${
    restart
      ? `down (SIGTERM → healthy again) ${s(restart.downMs)} s; sockets connected again: half ${s(restart.socketsBack.p50Ms) ?? "n/a"} s, all (${restart.socketsBack.count}/${CLIENTS}) ${restart.socketsBack.allMs !== undefined ? `${s(restart.socketsBack.allMs)} s` : "NOT in time"} after the stop; every channel re-subscribed (${restart.resubscribed}/${r.memberships}) ${restart.resubscribedMs !== undefined ? `${s(restart.resubscribedMs)} s after the stop` : `NOT within ${RECONNECT_LIMIT_MS / 1000} s`}; ${restart.resynced} receipts came from history (gap fill / resync), ${restart.lost} never arrived; slowest send answered in ${s(restart.slowestSendMs)} s, the last ${s(restart.lastAnswerMs)} s after the stop`
      : "not measured (BASE_URL)"
  }
failed channel subscriptions${restart ? " during the restart" : ""}: ${failures || "none"}${
    restart && restart.lost > 0
      ? `\nlost receipts of the restart: ${restart.losses.tail} after the last seq the client saw, ${restart.losses.hole} in a hole it never filled; e.g.\n  ${restart.losses.examples.join("\n  ")}`
      : ""
  }
history fetches by clients (gap fill + resync, whole run): ${run.historyFetches} (${run.historyErrors} failed)
${r.firstError ? `first send error: ${r.firstError}\n` : ""}total time: ${((Date.now() - r.started) / 1000).toFixed(1)} s
`);
  const lines: Array<[string, number | string | undefined]> = [
    ["delivery_p50_ms", fixed.stats.p50],
    ["delivery_p95_ms", fixed.stats.p95],
    ["delivery_p99_ms", fixed.stats.p99],
    ["delivery_offered_mps", RATE],
    ["answer_p99_ms", fixed.answerStats.p99],
    ["delivery_fixed_rate_mps", fixed.achievedRate],
    ["delivery_mps", sat.deliveryMps],
    ["saturation_s", sat.seconds],
    ["saturation_p50_ms", sat.stats.p50],
    ["saturation_p99_ms", sat.stats.p99],
    ["web_cpu_per_msg_ms", sat.webCpuMs],
    ["pg_xacts_per_msg", sat.pgXactsPerMessage],
    ["gateway_cpu_per_msg_ms", sat.gatewayCpuMs],
    ["postgres_cpu_per_msg_ms", sat.postgresCpuMs],
    ["redis_cpu_per_msg_ms", sat.redisCpuMs],
    ["bench_cpu_per_msg_ms", sat.benchCpuMs],
    ["lost", fixed.lost + sat.lost + (restart?.lost ?? 0)],
    ["reordered", fixed.reordered + sat.reordered + (restart?.reordered ?? 0)],
    ["send_errors", fixed.errors + sat.errors + (restart?.errors ?? 0)],
    ["baseline_p50_ms", base.stats.p50],
    ["baseline_p99_ms", base.stats.p99],
    ["baseline_lost", base.lost],
    ["baseline_messages", MESSAGES],
    ["duplicates", duplicates],
    ["baseline_duplicates", base.duplicates],
    ["conn_kb", memory.connKb?.toFixed(1)],
    ["restart_lost", restart?.lost],
    ["restart_resynced", restart?.resynced],
    ["restart_send_errors", restart?.errors],
    ["restart_down_s", s(restart?.downMs)],
    ["restart_sockets_back_s", s(restart?.socketsBack.allMs)],
    ["restart_reconnect_s", s(restart?.resubscribedMs)],
    ["clients", CLIENTS],
    ["connect_s", r.connectSeconds.toFixed(1)],
  ];
  for (const [name, value] of lines) if (value !== undefined) console.log(`RESULT ${name}=${value}`);
}
