import { spawn } from "node:child_process";
import type { FileHandle } from "node:fs/promises";
import { createInterface } from "node:readline";
import { isPortFree } from "../stack/ports";
import type { SupervisorStatus } from "../../server/platform/supervisor-status";

export type NpmStart = ReturnType<typeof startNpmStart>;

/**
 * `npm start` on the test build, run as a shell runs a job: in a process
 * group of its own (npm, then scripts/start.ts; each service has its own group).
 * Every line goes to `log`; the supervisor's own lines (not prefixed with
 * "[service]") are echoed.
 */
export function startNpmStart(options: { root: string; env: NodeJS.ProcessEnv; log: FileHandle }) {
  const npm = spawn("npm", ["start", "--", "--dist-dir=.next-test"], { cwd: options.root, stdio: ["ignore", "pipe", "pipe"], detached: true, env: options.env });
  const exited = new Promise<void>((resolve) => npm.once("exit", () => resolve()));
  const state = { running: false, stopping: false };
  for (const stream of [npm.stdout, npm.stderr]) {
    createInterface({ input: stream }).on("line", (line) => {
      void options.log.write(`${line}\n`);
      if (line.startsWith("Casebook is running at")) state.running = true;
      if (/received, stopping Casebook/.test(line)) state.stopping = true;
      if (/^(worker|gateway|redis-server|postgres|web) /.test(line)) console.log(`  | ${line}`);
    });
  }
  return {
    npm,
    exited,
    /** "Casebook is running at" was printed. */
    running: () => state.running,
    /** start.ts said it is stopping the services. */
    stopping: () => state.stopping,
    /** `kill -SIGNAL -<pgid>`: the whole group, as a terminal's Ctrl-C or a service manager does. */
    killGroup: (signal: NodeJS.Signals) => {
      if (npm.pid !== undefined && npm.exitCode === null && npm.signalCode === null) process.kill(-npm.pid, signal);
    },
  };
}

/** What is left of a stack: the supervisor and its services still alive, ports still taken. */
export async function leftovers(status: SupervisorStatus | undefined, ports: number[]): Promise<{ alive: string[]; busyPorts: number[] }> {
  const pids = Object.entries(status?.processes ?? {}).map(([name, state]) => [name, state.pid] as const);
  if (status) pids.push(["npm start", status.pid]);
  const alive = pids.filter(([, pid]) => pid !== null && isAlive(pid)).map(([name]) => name);
  const busyPorts = (await Promise.all(ports.map(async (port) => ((await isPortFree(port)) ? null : port)))).filter((port) => port !== null);
  return { alive, busyPorts };
}

/** Last resort after a failed check, so a failing run leaves nothing behind on the machine. */
export function killLeftovers(status: SupervisorStatus | undefined): void {
  for (const pid of [status?.pid, ...Object.values(status?.processes ?? {}).map((state) => state.pid)]) {
    if (typeof pid === "number" && isAlive(pid)) process.kill(pid, "SIGKILL");
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
