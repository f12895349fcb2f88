import { execFileSync } from "node:child_process";
import fs from "node:fs/promises";
import type { PrismaClient } from "../../server/generated/prisma/client";
import { pause } from "./settings";

/** The pid of the process listening on a local TCP port (from `ss`). */
export function pidListeningOn(port: number): number | undefined {
  try {
    const out = execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
    const match = /pid=(\d+)/.exec(out);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** VmRSS once two readings 500 ms apart agree within 1% (at most 4 s of waiting; the GC makes single readings jumpy). */
export async function steadyRssKb(pid: number | undefined): Promise<number | undefined> {
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

export async function rssKb(pid: number | undefined): Promise<number | undefined> {
  if (!pid) return undefined;
  const status = await fs.readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  return match ? Number(match[1]) : undefined;
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
export async function cpuSeconds(pid: number | undefined): Promise<number | undefined> {
  if (!pid) return undefined;
  const stat = await fs.readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(ticks) ? ticks / CLOCK_TICKS_PER_SECOND : undefined;
}
const CLOCK_TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/**
 * Transactions committed in this database so far. Backends report to pg_stat_database at most once a
 * second while busy and only after ~10 s once idle (PGSTAT_IDLE_INTERVAL), so this waits until the count
 * has held still for 2 s (at most 12 s); each reading is one transaction of its own, subtracted by the caller.
 */
export async function committedTransactions(db: PrismaClient): Promise<{ commits: number; readings: number }> {
  const read = async () => Number((await db.$queryRaw<Array<{ commits: bigint }>>`SELECT xact_commit AS commits FROM pg_stat_database WHERE datname = current_database()`)[0]?.commits ?? 0);
  let readings = 1;
  let last = await read();
  let stableSince = Date.now();
  const until = Date.now() + 12_000;
  while (Date.now() - stableSince < 2_000 && Date.now() < until) {
    await pause(500);
    const current = await read();
    readings++;
    if (current !== last) {
      last = current;
      stableSince = Date.now();
    }
  }
  return { commits: last, readings };
}

/** CPU seconds of a process and every process below it (Postgres: the postmaster and its backends). */
export async function treeCpuSeconds(pid: number | undefined): Promise<number | undefined> {
  if (!pid) return undefined;
  const own = await cpuSeconds(pid);
  if (own === undefined) return undefined;
  const tasks = await fs.readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  const children = (await Promise.all(tasks.map((task) => fs.readFile(`/proc/${pid}/task/${task}/children`, "utf8").catch(() => ""))))
    .join(" ")
    .split(/\s+/)
    .filter(Boolean)
    .map(Number);
  const below = await Promise.all(children.map((child) => treeCpuSeconds(child)));
  return below.reduce<number>((sum, seconds) => sum + (seconds ?? 0), own);
}
