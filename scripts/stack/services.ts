import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { StackError } from "./ports";

export type Service = {
  name: string;
  child: ChildProcess;
  /** Sends SIGTERM and waits for the exit (SIGKILL after `graceMs`). */
  stop: (graceMs?: number) => Promise<void>;
};

/**
 * Runs a TypeScript entry point (through tsx) as a child process with its own
 * environment, prefixing each output line with the service name.
 */
export function spawnService(options: {
  name: string;
  entry: string;
  args?: string[];
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
}): Service {
  const child = spawn(process.execPath, ["--import", "tsx", options.entry, ...(options.args ?? [])], {
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
    // Own process group: Ctrl-C reaches only `npm start`, which stops services in order.
    detached: true,
  });
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on("line", (line) => options.log(`[${options.name}] ${line}`));
  }
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  return {
    name: options.name,
    child,
    stop: async (graceMs = 8_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Waits until `url` answers 2xx, failing early if the service exits first. */
export async function waitUntilHealthy(service: Service, url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null) {
      throw new StackError(`${service.name} exited with code ${service.child.exitCode} while starting (its output is above).`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new StackError(`${service.name} did not become healthy at ${url} within ${timeoutMs / 1000} s.`);
}
