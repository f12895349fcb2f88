import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { RunningStack } from "../../scripts/stack/stack";
import { createThrowawayStack } from "../../scripts/stack/throwaway-stack";

export type BenchStack = RunningStack & {
  /** Where stack.json, the auth secret and the throwaway data live. */
  dataDir: string;
  /** True when the bench started (and will remove) its own stack. */
  throwaway: boolean;
  stop: () => Promise<void>;
};

const root = path.resolve(import.meta.dirname, "../..");

/**
 * The stack a bench measures: with BASE_URL the
 * running app, found through `<DATA_DIR>/stack.json`; otherwise a throwaway
 * stack on free ports with its own database, stopped and removed afterwards
 * (Ctrl-C included). `env` raises the limits the bench would otherwise hit.
 */
export async function startBenchStack(options: { name: string; env: Record<string, string>; log: (line: string) => void }): Promise<BenchStack> {
  const { log } = options;
  const baseUrl = process.env.BASE_URL;
  if (baseUrl) {
    const dataDir = path.resolve(root, process.env.DATA_DIR ?? ".data");
    const stack = JSON.parse(await fs.readFile(path.join(dataDir, "stack.json"), "utf8")) as RunningStack;
    log(`Using the running app at ${baseUrl} (database, Redis and gateway from ${dataDir}/stack.json).`);
    return { ...stack, webUrl: baseUrl.replace(/\/$/, ""), dataDir, throwaway: false, stop: async () => {} };
  }

  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `casebook-bench-${options.name}-`));
  log("Starting a throwaway stack on free ports...");
  const stack = await createThrowawayStack({
    root,
    dataDir,
    env: {
      LOG_LEVEL: "warn",
      DEMO_ACCOUNTS: "false",
      ...options.env,
    },
    // BENCH_PROFILE_DIR=/tmp/prof: CPU profiles of web, worker and gateway, written when the bench stops the stack.
    profileDir: process.env.BENCH_PROFILE_DIR,
    log: (line: string) => log(`  ${line}`),
  });
  const stop = async () => {
    await stack.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  };
  process.once("SIGINT", () => void stop().then(() => process.exit(130)));
  try {
    return { ...(await stack.start()), dataDir, throwaway: true, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
