import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { logger } from "@/server/platform/logger";
import { createNextForwarder } from "./forward-to-next";

const log = logger.child({ module: "web" });

/**
 * Forks Next's process (server/web/next-process.ts) and forwards to it. Its
 * socket lives in a directory only this user can enter: Next trusts the
 * X-Forwarded-For the web process appends, so nothing else may reach it.
 * If Next dies, the web process exits too, and its supervisor (`npm start`,
 * Docker's restart policy) starts both again, fresh.
 */
export function startNextProcess(options: { dev: boolean }) {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "casebook-next-"));
  const socketPath = path.join(directory, "next.sock");
  process.once("exit", () => fs.rmSync(directory, { recursive: true, force: true }));

  const child = fork(path.join(import.meta.dirname, "next-process.ts"), [socketPath, ...(options.dev ? ["--dev"] : [])], { stdio: "inherit" });
  let stopping = false;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code, signal) => reject(new Error(`Next exited (${signal ?? code}) before it was ready`)));
  });
  child.on("exit", (code, signal) => {
    if (stopping) return;
    log.fatal({ code, signal }, "Next exited; the web process exits too, to be started again");
    process.exit(1);
  });

  const forwarder = createNextForwarder(socketPath);
  return {
    ready,
    forward: forwarder.forward,
    upgrade: forwarder.upgrade,
    stop(): Promise<void> {
      stopping = true;
      forwarder.close();
      child.kill("SIGTERM");
      return exited;
    },
  };
}
