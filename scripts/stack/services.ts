import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { TYPESCRIPT_NODE_ARGS } from "../node/node-args";
import { stoppedWithParent, watchChild, waitUntilReady } from "./child-process";
import { StackError } from "./ports";
import type { RunningProcess } from "./supervisor";

/** Past this, a service that ignores SIGTERM is killed. */
const STOP_GRACE_MS = 8_000;

/**
 * Runs a TypeScript entry point (through tsx, ../node/register.mjs) as a child process with its own
 * environment, prefixing each output line with the service name.
 */
export function spawnService(options: {
  name: string;
  entry: string;
  args?: string[];
  /** Node's own flags, before the entry (`--cpu-prof` cannot go through NODE_OPTIONS). */
  nodeArgs?: string[];
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
}): RunningProcess {
  const { command, args } = stoppedWithParent(process.execPath, [...(options.nodeArgs ?? []), ...TYPESCRIPT_NODE_ARGS, options.entry, ...(options.args ?? [])], "SIGTERM");
  const child = spawn(command, args, {
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
    // Own process group: Ctrl-C reaches only `npm start`, which stops services in order.
    detached: true,
  });
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on("line", (line) => options.log(`[${options.name}] ${line}`));
  }
  return watchChild(child, () => child.kill("SIGTERM"), STOP_GRACE_MS);
}

/** Waits until `url` answers 2xx, failing early if the service exits first. */
export async function waitUntilHealthy(name: string, service: RunningProcess, url: string, timeoutMs = 120_000): Promise<void> {
  const answersOk = async () => {
    try {
      return (await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok;
    } catch {
      return false; // not listening yet
    }
  };
  try {
    await waitUntilReady(answersOk, service.exited, timeoutMs);
  } catch (error) {
    throw new StackError(`${name} did not become healthy at ${url}: ${error instanceof Error ? error.message : String(error)} (its output is above).`);
  }
}
