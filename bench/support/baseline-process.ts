import { fork } from "node:child_process";
import type http from "node:http";
import { TYPESCRIPT_NODE_ARGS } from "../../scripts/node/node-args";
import { findFreePort } from "../../scripts/stack/ports";

/**
 * A bench's baseline server runs as its own process, so it never shares a
 * core's event loop with the load generator: `startBaselineProcess` forks the
 * script with a free port as its first argument and waits for it to listen;
 * the script hands its server to `serveBaseline`.
 */
export async function startBaselineProcess(script: string, args: string[]): Promise<{ url: string; stop: () => void }> {
  const port = await findFreePort();
  const child = fork(script, [String(port), ...args], { execArgv: TYPESCRIPT_NODE_ARGS, stdio: "inherit" });
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill("SIGTERM") };
}

/** Listens on the port the bench gave, tells it when ready, and closes with `close` on SIGTERM. */
export function serveBaseline(server: http.Server, port: number, close: () => unknown): void {
  server.keepAliveTimeout = 65_000;
  server.listen(port, "127.0.0.1", () => process.send?.("ready"));
  process.on("SIGTERM", () => {
    server.close();
    void Promise.resolve(close()).finally(() => process.exit(0));
  });
}
