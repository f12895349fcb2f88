import type { ChildProcess } from "node:child_process";
import type { ProcessExit, RunningProcess } from "./supervisor";
import { which } from "./system-packages";

let setpriv: string | undefined | null = null;

/**
 * The command line that runs `command` so that it gets `signal` when the
 * process that started it (npm start) dies, whatever killed it — SIGKILL
 * included, which leaves no chance to stop anything: Linux's parent-death
 * signal, set by util-linux's `setpriv` right before it execs the command
 * (same pid, so the supervisor watches the service itself). The services run
 * in their own process groups, so nothing else would reach them. Without
 * setpriv (macOS) the command runs as is, and a SIGKILLed npm start leaves
 * its services running.
 */
export function stoppedWithParent(command: string, args: string[], signal: "SIGTERM" | "SIGINT"): { command: string; args: string[] } {
  if (setpriv === null) setpriv = process.platform === "linux" ? which("setpriv") : undefined;
  return setpriv ? { command: setpriv, args: ["--pdeathsig", signal.slice(3), "--", command, ...args] } : { command, args };
}

/**
 * A spawned child as a RunningProcess: `stop` asks it to exit with
 * `requestStop` (a signal of its choosing) and kills it after `graceMs`.
 */
export function watchChild(child: ChildProcess, requestStop: () => void, graceMs: number): RunningProcess {
  const exited = new Promise<ProcessExit>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  return {
    pid: child.pid,
    exited,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      requestStop();
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls `probe` until it answers true; fails early if the process exits first. */
export async function waitUntilReady(probe: () => Promise<boolean>, exited: Promise<ProcessExit>, timeoutMs: number): Promise<void> {
  let exit: ProcessExit | undefined;
  void exited.then((result) => (exit = result));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exit) throw new Error(`the process exited (${exit.signal ?? `code ${exit.code}`})`);
    if (await probe()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not ready within ${timeoutMs / 1000} s`);
}

/** Keeps the last `max` chunks a child wrote, to quote when it fails to start. */
export function keepOutputTail(streams: Array<NodeJS.ReadableStream | null>, max = 40): () => string {
  const chunks: string[] = [];
  for (const stream of streams) {
    stream?.on("data", (chunk: Buffer) => {
      chunks.push(chunk.toString());
      if (chunks.length > max) chunks.shift();
    });
  }
  return () => chunks.join("");
}
