import { spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { TYPESCRIPT_NODE_ARGS } from "./node/node-args";
import { StackError } from "./stack/ports";
import { onShutdownSignal } from "./stack/signals";
import { readSecrets } from "./stack/secrets";
import type { RunningStack } from "./stack/stack";
import { ensureSystemProgram } from "./stack/system-packages";
import { createThrowawayStack } from "./stack/throwaway-stack";
import { findFocusedTests } from "./test/find-focused-tests";
import type { VitestTally } from "./test/vitest-tally";

/**
 * `npm test`: typecheck, lint, Vitest against real Postgres + Redis, then
 * Playwright in Debian's Chromium against a production build on free ports,
 * then the fault suite (scripts/faults.ts; `npm run test:faults` alone).
 * `npm test -- --only=vitest` (or typecheck, lint, e2e, faults) runs one step; file
 * arguments narrow Vitest and Playwright to them (`npm test -- --only=e2e e2e/shop.spec.ts`).
 *
 * A green run cannot be an accident: the run fails when a test anywhere in the
 * tree is focused (`.only`), when a test was skipped or todo, when one passed
 * only on a retry, or when a runner given no file arguments ran fewer tests than
 * its floor in scripts/test/floors.json (raise the floor when you add tests).
 * Typecheck and lint are checks, not tests. The last two lines are the checks
 * and "tests: N passed, M failed".
 */
type Step = "typecheck" | "lint" | "vitest" | "e2e" | "faults";
const only = process.argv.find((arg) => arg.startsWith("--only="))?.slice("--only=".length).split(",") as Step[] | undefined;
const wants = (step: Step) => !only || only.includes(step);
const files = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const filesFor = (step: Step) => files.filter((file) => file.startsWith("e2e/") === (step === "e2e"));

const root = path.resolve(import.meta.dirname, "..");
const resultsDir = path.join(root, "test-results");
const bin = (name: string) => path.join(root, "node_modules/.bin", name);
type Runner = "vitest" | "e2e" | "faults";
const floors = JSON.parse(await fs.readFile(path.join(root, "scripts/test/floors.json"), "utf8")) as Record<Runner, number>;

const tally = { passed: 0, failed: 0 };
const checks: string[] = [];
/** Why the run fails besides failed tests, one line each, repeated above the summary. */
const problems: string[] = [];

function run(title: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  console.log(`\n━━ ${title} ━━`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env });
  console.log(`${title}: ${result.status === 0 ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.status === 0;
}

/** A whole-tree check (typecheck, lint): reported by name, not counted as a test. */
function check(name: string, title: string, command: string, args: string[]) {
  const ok = run(title, command, args);
  checks.push(`${name} ${ok ? "ok" : "FAILED"}`);
  if (!ok) problems.push(`${name} failed`);
}

type RunnerCounts = { passed: number; failed: number; skipped: string[]; flaky: string[] };

/** Adds one runner's counts: skipped and flaky tests count as failed, and a whole-suite run must reach its floor. */
function count(runner: Runner, counts: RunnerCounts, wholeSuite: boolean) {
  const ran = counts.passed + counts.failed + counts.skipped.length + counts.flaky.length;
  tally.passed += counts.passed;
  tally.failed += counts.failed + counts.skipped.length + counts.flaky.length;
  if (counts.skipped.length > 0) problems.push(`${runner}: ${counts.skipped.length} skipped or todo (count as failed): ${list(counts.skipped)}`);
  if (counts.flaky.length > 0) problems.push(`${runner}: ${counts.flaky.length} passed only on a retry (count as failed): ${list(counts.flaky)}`);
  if (wholeSuite && ran < floors[runner]) {
    problems.push(`${runner} ran ${ran} tests, fewer than its floor of ${floors[runner]} (scripts/test/floors.json): did a file stop loading, or were tests removed?`);
  }
}

function list(names: string[]): string {
  return names.slice(0, 10).join("; ") + (names.length > 10 ? `; and ${names.length - 10} more` : "");
}

await fs.rm(resultsDir, { recursive: true, force: true });
await fs.mkdir(resultsDir, { recursive: true });
ensureSystemProgram("redis-server");
ensureSystemProgram("ffmpeg");

const focused = await findFocusedTests(root);
checks.push(focused.length === 0 ? "no focused tests" : `${focused.length} focused tests`);
if (focused.length > 0) problems.push(`focused tests (remove .only): ${list(focused)}`);

if (wants("typecheck")) check("typecheck", "Typecheck (tsc --noEmit)", bin("tsc"), ["--noEmit", "-p", "tsconfig.json"]);
if (wants("lint")) check("lint", "Lint (eslint)", bin("eslint"), [".", "--max-warnings=0"]);

if (wants("vitest")) {
  const report = path.join(resultsDir, "vitest-tally.json");
  const ok = run(
    "Unit and integration tests (Vitest, real Postgres + Redis)",
    bin("vitest"),
    ["run", "--reporter=default", "--reporter=./scripts/test/vitest-tally.ts", ...filesFor("vitest")],
    { ...process.env, CASEBOOK_VITEST_TALLY: report },
  );
  const text = await fs.readFile(report, "utf8").catch(() => undefined);
  if (!text) {
    problems.push("vitest ended without a report");
  } else {
    const counts = JSON.parse(text) as VitestTally;
    count("vitest", counts, filesFor("vitest").length === 0);
    if (counts.brokenFiles.length > 0) problems.push(`vitest: files that failed outside a test: ${list(counts.brokenFiles)}`);
    if (counts.unhandledErrors > 0) problems.push(`vitest: ${counts.unhandledErrors} errors outside any test`);
    if (!ok && counts.failed === 0 && counts.brokenFiles.length === 0 && counts.unhandledErrors === 0) problems.push("vitest exited with an error");
  }
}

if (wants("e2e")) await runEndToEnd();
if (wants("faults")) await runFaults();

for (const problem of problems) console.log(`✗ ${problem}`);
console.log(`\nchecks: ${checks.join(", ")}`);
console.log(`tests: ${tally.passed} passed, ${tally.failed} failed`);
process.exit(problems.length === 0 && tally.failed === 0 && tally.passed > 0 ? 0 : 1);

async function runEndToEnd() {
  const chromium = ensureSystemProgram("chromium");
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "casebook-e2e-"));
  console.log("\n━━ Starting an isolated stack for end-to-end tests ━━");
  const stack = await createThrowawayStack({
    root,
    dataDir,
    // Many sign-ins from one loopback address: limits stay on, just higher.
    env: {
      LOGIN_LIMIT_PER_IP: "1000",
      LOGIN_LIMIT_PER_PAIR: "200",
      LOGIN_LIMIT_PER_ACCOUNT: "200",
      SIGNUP_LIMIT_PER_IP: "1000",
      USERNAME_CHECK_LIMIT_PER_IP: "10000",
      ACCOUNT_MAIL_LIMIT_PER_IP: "1000",
      // The specs upload their own clips; demo videos would only queue transcoding beside them.
      VIDEO_DEMO_VIDEOS: "false",
      // Small upload chunks: a spec's clip goes up in several PATCHes, so a dropped one can be resumed (videos-upload-resume).
      VIDEO_UPLOAD_CHUNK_BYTES: String(64 * 1024),
      // Link previews (e2e/links-preview.spec.ts) read the app's own pages on loopback.
      PREVIEW_FETCH_ALLOW_PRIVATE: "true",
      LOG_LEVEL: "warn",
    },
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
    problems.push("the end-to-end stack did not start");
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
      // e2e/support scripts act as the app's own processes (e.g. publishing a notification) with the stack's keys.
      ...(await readSecrets(dataDir)),
      CASEBOOK_PUSHER_HOST: "127.0.0.1",
      CASEBOOK_PUSHER_PORT: running.gatewayUrl ? new URL(running.gatewayUrl).port : "",
      CHROMIUM_PATH: chromium,
      PLAYWRIGHT_JSON_OUTPUT: report,
    });
    const text = await fs.readFile(report, "utf8").catch(() => undefined);
    if (!text) {
      problems.push("Playwright ended without a report");
    } else {
      const json = JSON.parse(text) as PlaywrightReport;
      count("e2e", playwrightCounts(json), filesFor("e2e").length === 0);
      if ((json.errors ?? []).length > 0) problems.push(`e2e: ${json.errors?.length} errors outside any test (a focused test is one): ${list((json.errors ?? []).map((error) => error.message ?? "?"))}`);
      if (!ok && json.stats?.unexpected === 0 && (json.errors ?? []).length === 0) problems.push("Playwright exited with an error");
    }
  } finally {
    await stack.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

/** The fault suite (scripts/faults.ts): its own stack as `npm start` runs it; each check it prints counts as a test. */
async function runFaults() {
  const report = path.join(resultsDir, "faults-tally.json");
  const ok = run("Fault suite (SIGKILL each process of npm start)", process.execPath, [...TYPESCRIPT_NODE_ARGS, path.join(root, "scripts/faults.ts")], {
    ...process.env,
    CASEBOOK_FAULTS_TALLY: report,
  });
  const text = await fs.readFile(report, "utf8").catch(() => undefined);
  if (!text) {
    problems.push("the fault suite ended without a report");
    return;
  }
  count("faults", JSON.parse(text) as RunnerCounts, true);
  if (!ok && (JSON.parse(text) as RunnerCounts).failed === 0) problems.push("the fault suite exited with an error");
}

/** The parts of Playwright's JSON report we read. */
type PlaywrightSuite = { title: string; specs?: Array<{ title: string; file: string; tests: Array<{ status: string }> }>; suites?: PlaywrightSuite[] };
type PlaywrightReport = { suites?: PlaywrightSuite[]; errors?: Array<{ message?: string }>; stats?: { unexpected?: number } };

/** Per test: "expected" passed, "unexpected" failed, "flaky" passed on a retry, "skipped" skipped or fixme. */
function playwrightCounts(report: PlaywrightReport): RunnerCounts {
  const counts: RunnerCounts = { passed: 0, failed: 0, skipped: [], flaky: [] };
  const walk = (suite: PlaywrightSuite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        const name = `${spec.file} > ${spec.title}`;
        if (test.status === "expected") counts.passed += 1;
        else if (test.status === "unexpected") counts.failed += 1;
        else if (test.status === "flaky") counts.flaky.push(name);
        else counts.skipped.push(name);
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites ?? []) walk(suite);
  return counts;
}
