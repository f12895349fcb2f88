import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TYPESCRIPT_NODE_ARGS } from "@/scripts/node/node-args";

/** A service's last moments: it logs an outage's errors and exits. */
const SERVICE = `
import { logger } from ${JSON.stringify(path.join(import.meta.dirname, "logger.ts"))};
setTimeout(() => {
  logger.error("redis: connection is closed");
  logger.error("redis: connection is closed");
  process.exit(0);
}, 300);
`;

const quote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;

describe("logger", () => {
  it("lets the process exit when its stdout pipe has no reader (as after a SIGKILL of npm start)", async () => {
    // `| true`: a pipe whose reader is gone at once; the shell ends when the service does.
    const command = [process.execPath, ...TYPESCRIPT_NODE_ARGS, "--input-type=module", "-e", SERVICE].map(quote).join(" ");
    const shell = spawn("sh", ["-c", `${command} | true`], { stdio: "ignore", detached: true, env: { ...process.env, LOG_LEVEL: "info" } });
    const exited = new Promise<"exited">((resolve) => shell.once("exit", () => resolve("exited")));

    const timeout = new Promise<"still running">((resolve) => setTimeout(() => resolve("still running"), 10_000).unref());
    const outcome = await Promise.race([exited, timeout]);
    if (outcome === "still running" && shell.pid !== undefined) process.kill(-shell.pid, "SIGKILL");
    expect(outcome).toBe("exited");
  });
});
