import { spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { StackError } from "./ports";

const SOURCES = ["app", "components", "server", "public", "next.config.ts", "proxy.ts", "instrumentation.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];
const IGNORED = new Set(["node_modules", ".next", ".next-test", ".data", "generated"]);

/** Runs `next build` unless the build in `distDir` is newer than every source file. */
export async function ensureProductionBuild(options: {
  root: string;
  distDir: string;
  /** The build's environment: modules evaluated at build time may read the secrets. */
  env: NodeJS.ProcessEnv;
  force?: boolean;
  log: (line: string) => void;
}) {
  const buildId = path.join(options.root, options.distDir, "BUILD_ID");
  const builtAt = await mtime(buildId);
  if (!options.force && builtAt !== undefined) {
    const newest = await newestSource(options.root);
    if (newest <= builtAt) {
      options.log("Production build is up to date.");
      return;
    }
  }
  options.log("Building the web app (next build)...");
  const started = Date.now();
  const result = spawnSync(process.execPath, [path.join(options.root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: options.root,
    stdio: "inherit",
    env: { ...options.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", NEXT_DIST_DIR: options.distDir },
  });
  if (result.status !== 0) throw new StackError("next build failed (output above).");
  options.log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

async function newestSource(root: string): Promise<number> {
  let newest = 0;
  for (const source of SOURCES) newest = Math.max(newest, await newestIn(path.join(root, source)));
  return newest;
}

async function newestIn(target: string): Promise<number> {
  const stat = await fs.stat(target).catch(() => undefined);
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of await fs.readdir(target)) {
    if (!IGNORED.has(entry)) newest = Math.max(newest, await newestIn(path.join(target, entry)));
  }
  return newest;
}

async function mtime(file: string): Promise<number | undefined> {
  const stat = await fs.stat(file).catch(() => undefined);
  return stat?.mtimeMs;
}
