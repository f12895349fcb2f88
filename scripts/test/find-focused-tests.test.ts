import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findFocusedTests } from "./find-focused-tests";

const root = await fs.mkdtemp(path.join(os.tmpdir(), "casebook-focus-"));
afterAll(() => fs.rm(root, { recursive: true, force: true }));

/** Written as pieces so that this file itself holds no focus modifier. */
const focus = (call: string) => `${call}.${"only"}("x", () => {});`;

async function write(file: string, text: string) {
  await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
  await fs.writeFile(path.join(root, file), text);
}

describe("findFocusedTests", () => {
  it("finds Vitest and Playwright focus modifiers in test files anywhere in the tree, and nothing else", async () => {
    await write("server/a.test.ts", `it("fine", () => {});\n${focus("it")}\n`);
    await write("e2e/b.spec.ts", `\n\n${focus("test.describe")}\n`);
    await write("components/c.test.tsx", focus("describe.concurrent"));
    await write("server/plain.ts", focus("it"));
    await write("node_modules/dep/d.test.ts", focus("it"));
    await write("server/d.test.ts", `it("mentions only once", () => { expect(onlyOne).toBe(1); });\n`);

    expect(await findFocusedTests(root)).toEqual(["components/c.test.tsx:1", "e2e/b.spec.ts:3", "server/a.test.ts:2"]);
  });
});
