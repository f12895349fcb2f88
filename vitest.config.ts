import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${path.resolve(import.meta.dirname)}/` },
      // As for every Node process of the project (scripts/node/server-only-hook.mjs): tests run server code.
      { find: /^server-only$/, replacement: path.resolve(import.meta.dirname, "node_modules/server-only/empty.js") },
    ],
  },
  test: {
    include: ["server/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.ts"],
    globalSetup: ["scripts/test/vitest-services.ts"],
    setupFiles: ["scripts/test/vitest-per-file.ts"],
    environment: "node",
    pool: "forks",
    // A focused test fails its file, and no test gets a second try: scripts/test.ts counts a pass on retry as a failure.
    allowOnly: false,
    retry: 0,
    testTimeout: 20_000,
    hookTimeout: 30_000,
    env: { LOG_LEVEL: "silent", NODE_ENV: "test" },
  },
});
