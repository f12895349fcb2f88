import fs from "node:fs/promises";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { cpuSeconds, pidListeningOn } from "../chat/processes";
import type { Spot } from "./data-set";

export type IngestResult = {
  rps: number;
  p50: number;
  p99: number;
  sent: number;
  non2xx: number;
  errors: number;
  /** CPU used per process (with its children) during the run, in cores: where the ceiling is. */
  cpu: Array<{ name: string; cores: number }>;
};

const portOf = (url: string) => Number(new URL(url).port);

/**
 * Location updates through the real endpoint (POST /api/rides/location, the
 * route answered before Next, signed session cookie per driver): `drivers`
 * sessions in turn, each update a few metres from that driver's spot, for
 * `seconds` with `connections` in flight. The rate is the 2xx answered over
 * the time from first request to last answer.
 */
export async function measureIngest(options: {
  webUrl: string;
  processes: Array<{ name: string; url: string }>;
  cookies: readonly string[];
  spots: readonly Spot[];
  seconds: number;
  connections: number;
}): Promise<IngestResult> {
  const { cookies, spots } = options;
  let next = 0;
  const pids = options.processes.map(({ name, url }) => ({ name, pid: pidListeningOn(portOf(url)) }));
  const cpuBefore = await Promise.all(pids.map(({ pid }) => treeCpuSeconds(pid)));
  const loadGeneratorBefore = process.cpuUsage();
  const started = performance.now();
  let lastAnswer = started;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${options.webUrl}/api/rides/location`,
        connections: options.connections,
        duration: options.seconds,
        requests: [
          {
            method: "POST",
            setupRequest: (request) => {
              const index = next++ % cookies.length;
              const spot = spots[index] as Spot;
              const body = JSON.stringify({ lat: spot.lat + (Math.random() - 0.5) * 5e-5, lng: spot.lng + (Math.random() - 0.5) * 5e-5, accuracy: 8, heading: 90 });
              return { ...request, headers: { "content-type": "application/json", cookie: cookies[index] ?? "" }, body };
            },
          },
        ],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", () => (lastAnswer = performance.now()));
  });
  const activeSeconds = (lastAnswer - started) / 1000 || result.duration;
  const cpuAfter = await Promise.all(pids.map(({ pid }) => treeCpuSeconds(pid)));
  const loadGenerator = process.cpuUsage(loadGeneratorBefore);
  const cores = (seconds: number) => Math.round((seconds / activeSeconds) * 100) / 100;
  return {
    rps: Math.round(result["2xx"] / activeSeconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    sent: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    cpu: [
      ...pids.map(({ name }, index) => ({ name, cores: cores((cpuAfter[index] ?? 0) - (cpuBefore[index] ?? 0)) })),
      { name: "autocannon (this process)", cores: cores((loadGenerator.user + loadGenerator.system) / 1e6) },
    ],
  };
}

/**
 * CPU seconds of a process and its children, live ones and those it has reaped
 * (cutime/cstime): Postgres serves each connection from a backend the
 * postmaster forked, and its helper processes come and go.
 */
async function treeCpuSeconds(pid: number | undefined): Promise<number> {
  if (!pid) return 0;
  const children: number[] = [];
  let reaped = 0;
  for (const entry of await fs.readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await fs.readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[1]) === pid) children.push(Number(entry));
    if (Number(entry) === pid) reaped = (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS_PER_SECOND;
  }
  const seconds = await Promise.all([pid, ...children].map((each) => cpuSeconds(each)));
  return seconds.reduce<number>((sum, value) => sum + (value ?? 0), reaped);
}

/** USER_HZ, the unit of /proc times: 100 on Linux (`getconf CLK_TCK`). */
const CLOCK_TICKS_PER_SECOND = 100;
