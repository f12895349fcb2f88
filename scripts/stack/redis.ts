import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { Redis } from "ioredis";
import { keepOutputTail, stoppedWithParent, watchChild, waitUntilReady } from "./child-process";
import { StackError, assertPortFree } from "./ports";
import type { RunningProcess } from "./supervisor";
import { ensureSystemProgram } from "./system-packages";

export type LocalRedisServer = {
  url: string;
  /** The server as started; supervise it with `restart` for the next runs. */
  first: RunningProcess;
  /** Starts it again on the same port and data (after a crash). */
  restart: () => Promise<RunningProcess>;
};

/**
 * Runs Debian's redis-server as a child process on loopback. With `persistent`
 * it keeps an append-only file in `dataDir`: whatever Redis acknowledged (the
 * click stream, queued jobs, carts) is written to the file before the reply, so
 * it survives redis-server being killed (fsync each second: a power cut may
 * lose the last second). Tests run it without persistence.
 */
export async function startLocalRedis(options: {
  dataDir: string;
  port: number;
  persistent: boolean;
  log?: (line: string) => void;
}): Promise<LocalRedisServer> {
  const binary = ensureSystemProgram("redis-server", options.log);
  await assertPortFree(options.port, "Redis", "REDIS_PORT");
  const dir = path.resolve(options.dataDir);
  await fs.mkdir(dir, { recursive: true });

  const args = ["--port", String(options.port), "--bind", "127.0.0.1", "--dir", dir, "--daemonize", "no"];
  args.push(...(options.persistent ? ["--appendonly", "yes", "--appendfsync", "everysec", "--save", "60 1000"] : ["--appendonly", "no", "--save", ""]));
  const url = `redis://127.0.0.1:${options.port}`;
  const start = () => spawnRedis(binary, args, url, options.port);
  return { url, first: await start(), restart: start };
}

async function spawnRedis(binary: string, args: string[], url: string, port: number): Promise<RunningProcess> {
  // Own process group, so Ctrl-C doesn't stop Redis before the services that use it.
  const command = stoppedWithParent(binary, args, "SIGTERM");
  const child = spawn(command.command, command.args, { stdio: ["ignore", "pipe", "pipe"], detached: true });
  const output = keepOutputTail([child.stdout, child.stderr]);
  const run = watchChild(child, () => child.kill("SIGTERM"), 20_000);
  try {
    // Loading a large append-only file after a crash takes a moment.
    await waitUntilReady(() => pingRedis(url), run.exited, 30_000);
  } catch (error) {
    child.kill("SIGKILL");
    throw new StackError(`redis-server did not start on port ${port}: ${String(error)}\n${output()}`);
  }
  return run;
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
