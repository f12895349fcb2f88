import { spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { findFreePort, StackError } from "./stack/ports";
import { onShutdownSignal } from "./stack/signals";
import { createStack, type RunningStack } from "./stack/stack";
import { ensureSystemProgram } from "./stack/system-packages";

/**
 * `npm test`: typecheck, lint, Vitest against real Postgres + Redis, then
 * Playwright in Debian's Chromium against a production build on free ports.
 * `npm test -- --only=vitest` (or typecheck, lint, e2e) runs one step; file
 * arguments narrow Vitest and Playwright to them (`npm test -- --only=e2e e2e/shop.spec.ts`).
 * The last line is the summary "N passed, M failed".
 */
type Step = "typecheck" | "lint" | "vitest" | "e2e";
const only = process.argv.find((arg) => arg.startsWith("--only="))?.slice("--only=".length).split(",") as Step[] | undefined;
const wants = (step: Step) => !only || only.includes(step);
const files = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const filesFor = (step: Step) => files.filter((file) => file.startsWith("e2e/") === (step === "e2e"));

const root = path.resolve(import.meta.dirname, "..");
const resultsDir = path.join(root, "test-results");
const bin = (name: string) => path.join(root, "node_modules/.bin", name);
const tally = { passed: 0, failed: 0, skipped: 0 };

function run(title: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  console.log(`\n━━ ${title} ━━`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env });
  console.log(`${title}: ${result.status === 0 ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.status === 0;
}

/** A whole-tree check (typecheck, lint) counts as one test. */
function check(title: string, command: string, args: string[]) {
  if (run(title, command, args)) tally.passed += 1;
  else tally.failed += 1;
}

async function countFromJson(file: string, read: (report: Record<string, unknown>) => typeof tally, ranOk: boolean) {
  const text = await fs.readFile(file, "utf8").catch(() => undefined);
  if (!text) {
    // The runner died before writing its report: count the step itself as a failure.
    tally.failed += ranOk ? 0 : 1;
    return;
  }
  const counts = read(JSON.parse(text) as Record<string, unknown>);
  tally.passed += counts.passed;
  tally.failed += counts.failed + (ranOk || counts.failed > 0 ? 0 : 1);
  tally.skipped += counts.skipped;
}

await fs.rm(resultsDir, { recursive: true, force: true });
await fs.mkdir(resultsDir, { recursive: true });
ensureSystemProgram("redis-server");

if (wants("typecheck")) check("Typecheck (tsc --noEmit)", bin("tsc"), ["--noEmit", "-p", "tsconfig.json"]);
if (wants("lint")) check("Lint (eslint)", bin("eslint"), [".", "--max-warnings=0"]);

if (wants("vitest")) {
  const report = path.join(resultsDir, "vitest.json");
  const ok = run("Unit and integration tests (Vitest, real Postgres + Redis)", bin("vitest"), [
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${report}`,
    ...filesFor("vitest"),
  ]);
  await countFromJson(
    report,
    (json) => ({
      passed: Number(json.numPassedTests ?? 0),
      failed: Number(json.numFailedTests ?? 0) + Number(json.numFailedTestSuites ?? 0),
      skipped: Number(json.numPendingTests ?? 0) + Number(json.numTodoTests ?? 0),
    }),
    ok,
  );
}

if (wants("e2e")) await runEndToEnd();

const summary = `${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ""}`;
console.log(`\n${summary}`);
process.exit(tally.failed === 0 && tally.passed > 0 ? 0 : 1);

async function runEndToEnd() {
  const chromium = ensureSystemProgram("chromium");
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "casebook-e2e-"));
  console.log("\n━━ Starting an isolated stack for end-to-end tests ━━");
  const stack = createStack({
    root,
    dataDir,
    ports: { web: await findFreePort(), gateway: await findFreePort(), postgres: await findFreePort(), redis: await findFreePort() },
    externalRealtime: false,
    persistent: false,
    dev: false,
    distDir: ".next-test",
    // Many sign-ins from one loopback address: limits stay on, just higher.
    env: { LOGIN_LIMIT_PER_IP: "1000", LOGIN_LIMIT_PER_ACCOUNT: "200", LOG_LEVEL: "warn" },
    log: (line) => console.log(line),
  });
  onShutdownSignal(async () => {
    await stack.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
    process.exit(130);
  });
  let running: RunningStack;
  try {
    running = await stack.start();
  } catch (error) {
    console.error(error instanceof StackError ? error.message : error);
    tally.failed += 1;
    await fs.rm(dataDir, { recursive: true, force: true });
    return;
  }

  const report = path.join(resultsDir, "playwright.json");
  try {
    const ok = run("End-to-end tests (Playwright, Chromium)", bin("playwright"), ["test", ...filesFor("e2e")], {
      ...process.env,
      CASEBOOK_BASE_URL: running.webUrl,
      CASEBOOK_DATABASE_URL: running.databaseUrl,
      CASEBOOK_REDIS_URL: running.redisUrl,
      CASEBOOK_PUSHER_HOST: "127.0.0.1",
      CASEBOOK_PUSHER_PORT: running.gatewayUrl ? new URL(running.gatewayUrl).port : "",
      CHROMIUM_PATH: chromium,
      PLAYWRIGHT_JSON_OUTPUT: report,
    });
    await countFromJson(
      report,
      (json) => {
        const stats = (json.stats ?? {}) as Record<string, number>;
        return { passed: (stats.expected ?? 0) + (stats.flaky ?? 0), failed: stats.unexpected ?? 0, skipped: stats.skipped ?? 0 };
      },
      ok,
    );
  } finally {
    await stack.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}
