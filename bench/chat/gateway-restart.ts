import fs from "node:fs/promises";
import { performance } from "node:perf_hooks";
import { pidListeningOn } from "./processes";
import { pause } from "./settings";

export type RestartedGateway = { downMs: number; stoppedAt: number };

/**
 * Stops the stack's gateway (SIGTERM: clients are told 4200, reconnect now)
 * and waits for the stack's supervisor to start it again on the same port,
 * healthy: the restart a deployment gets, not one of the bench's own (which
 * raced the supervisor for the port).
 */
export async function restartGateway(port: number): Promise<RestartedGateway> {
  const pid = pidListeningOn(port);
  if (!pid) throw new Error(`no process listens on the gateway port ${port}`);
  const stoppedAt = performance.now();
  process.kill(pid, "SIGTERM");
  while (await fs.stat(`/proc/${pid}`).then(() => true, () => false)) {
    if (performance.now() - stoppedAt > 15_000) throw new Error(`the gateway (pid ${pid}) did not stop within 15 s`);
    await pause(20);
  }
  for (;;) {
    const successor = pidListeningOn(port);
    const healthy =
      successor !== undefined &&
      successor !== pid &&
      (await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(1_000) }).then(
        (response) => response.ok,
        () => false,
      ));
    if (healthy) break;
    if (performance.now() - stoppedAt > 30_000) throw new Error("the supervisor did not bring the gateway back, healthy, within 30 s");
    await pause(50);
  }
  return { downMs: performance.now() - stoppedAt, stoppedAt };
}
