import fs from "node:fs/promises";
import path from "node:path";

/** Folders that hold no test of ours (dependencies, builds, data, generated code). */
const IGNORED = new Set(["node_modules", ".git", ".next", ".next-test", ".data", "test-results", "playwright-report", "generated"]);
const TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$/;
/** `it.only(`, `test.describe.only(`, `describe.concurrent.only(`, `it.only.each`: any focus modifier of Vitest or Playwright. */
const FOCUS = /\b(?:describe|it|test|suite)(?:\.\w+)*\.only\b/;

/**
 * Every focused test in the tree, as "file:line". A focused test silently
 * skips the rest of its file, and a run of a file subset never sees other
 * files, so the runner looks at the sources instead of trusting a run.
 */
export async function findFocusedTests(root: string): Promise<string[]> {
  const found: string[] = [];
  async function walk(dir: string) {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      if (IGNORED.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (TEST_FILE.test(entry.name)) {
        const lines = (await fs.readFile(full, "utf8")).split("\n");
        lines.forEach((line, index) => {
          if (FOCUS.test(line)) found.push(`${path.relative(root, full)}:${index + 1}`);
        });
      }
    }
  }
  await walk(root);
  return found.sort();
}
