import fs from "node:fs";
import type { Reporter, SerializedError, TestModule } from "vitest/node";

/** What one Vitest run counted, for scripts/test.ts (written where CASEBOOK_VITEST_TALLY says). */
export type VitestTally = {
  passed: number;
  failed: number;
  /** skip, todo and ctx.skip() alike: a skipped test proves nothing. */
  skipped: string[];
  /** Passed only on a retry. */
  flaky: string[];
  /** Files that failed outside any test (import error, failing hook, `.only` refused). */
  brokenFiles: string[];
  unhandledErrors: number;
};

/**
 * Vitest's JSON report has no retry count, so a test that passed on its
 * second try would look green: this reporter reads each test's diagnostic.
 */
export default class TallyReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>) {
    const tally: VitestTally = { passed: 0, failed: 0, skipped: [], flaky: [], brokenFiles: [], unhandledErrors: unhandledErrors.length };
    for (const testModule of modules) {
      if (testModule.errors().length > 0) tally.brokenFiles.push(testModule.relativeModuleId);
      for (const test of testModule.children.allTests()) {
        const name = `${testModule.relativeModuleId} > ${test.fullName}`;
        const state = test.result().state;
        if (state === "passed" && (test.diagnostic()?.retryCount ?? 0) > 0) tally.flaky.push(name);
        else if (state === "passed") tally.passed += 1;
        else if (state === "failed") tally.failed += 1;
        else tally.skipped.push(name);
      }
    }
    const target = process.env.CASEBOOK_VITEST_TALLY;
    if (target) fs.writeFileSync(target, JSON.stringify(tally));
  }
}
