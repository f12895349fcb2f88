import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TYPESCRIPT_NODE_ARGS } from "../node/node-args";

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** A stand-in for npm start: starts `sleep` in its own process group as the stack starts a service, prints its pid, waits. */
const PARENT = `
import { spawn } from "node:child_process";
import { stoppedWithParent } from ${JSON.stringify(path.join(import.meta.dirname, "child-process.ts"))};
const { command, args } = stoppedWithParent("sleep", ["600"], "SIGTERM");
const child = spawn(command, args, { stdio: "ignore", detached: true });
console.log(child.pid);
setInterval(() => undefined, 1000);
`;

describe.runIf(process.platform === "linux")("stoppedWithParent", () => {
  it("stops a service in its own process group when npm start is SIGKILLed", async () => {
    const parent = spawn(process.execPath, [...TYPESCRIPT_NODE_ARGS, "--input-type=module", "-e", PARENT], { stdio: ["ignore", "pipe", "inherit"] });
    const childPid = await new Promise<number>((resolve) => parent.stdout.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim()))));
    expect(isAlive(childPid)).toBe(true);

    parent.kill("SIGKILL");
    await expect.poll(() => isAlive(childPid), { timeout: 5_000 }).toBe(false);
  });
});
