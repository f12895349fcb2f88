import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import { performance } from "node:perf_hooks";
import { pidListeningOn } from "./processes";
import { pause } from "./settings";

export type RestartedGateway = { child: ChildProcess; downMs: number; stoppedAt: number };

/**
 * Stops the stack's gateway (SIGTERM: clients are told 4200, reconnect now) and
 * starts the same program again on the same port, with the command line,
 * environment and working directory it had (read from /proc).
 */
export async function restartGateway(port: number): Promise<RestartedGateway> {
  const pid = pidListeningOn(port);
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

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 8_000);
  await exited;
  clearTimeout(timer);
}
