import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { Redis } from "ioredis";
import { StackError, assertPortFree } from "./ports";
import { ensureSystemProgram } from "./system-packages";

export type RunningRedis = { url: string; stop: () => Promise<void> };

/**
 * Runs Debian's redis-server as a child process on loopback. With `persistent`
 * it keeps an append-only file in `dataDir` (carts and timelines survive a
 * restart); tests run it without persistence.
 */
export async function startLocalRedis(options: {
  dataDir: string;
  port: number;
  persistent: boolean;
  log?: (line: string) => void;
}): Promise<RunningRedis> {
  const binary = ensureSystemProgram("redis-server", options.log);
  await assertPortFree(options.port, "Redis", "REDIS_PORT");
  const dir = path.resolve(options.dataDir);
  await fs.mkdir(dir, { recursive: true });

  const args = ["--port", String(options.port), "--bind", "127.0.0.1", "--dir", dir, "--daemonize", "no"];
  args.push(...(options.persistent ? ["--appendonly", "yes", "--save", "60 1000"] : ["--appendonly", "no", "--save", ""]));
  // Own process group, so Ctrl-C doesn't stop Redis before the services that use it.
  const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"], detached: true });
  const output: string[] = [];
  child.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));

  const url = `redis://127.0.0.1:${options.port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    await waitForRedis(url, exited);
  } catch (error) {
    child.kill("SIGTERM");
    throw new StackError(`redis-server did not start on port ${options.port}: ${String(error)}\n${output.join("")}`);
  }

  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await exited;
    },
  };
}

async function waitForRedis(url: string, exited: Promise<void>): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (gone) throw new Error("the process exited");
    if (await pingRedis(url)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("timed out waiting for PING");
}

export async function pingRedis(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on("error", () => undefined); // failures are reported by the return value
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

export async function assertRedisReachable(url: string): Promise<void> {
  if (await pingRedis(url)) return;
  throw new StackError(
    `Cannot reach Redis at REDIS_URL (${url}). Start that server, fix REDIS_URL, or unset it to use a local redis-server.`,
  );
}
