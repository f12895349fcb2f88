import { spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SECRET_NAMES } from "../../server/secret-names";
import { TYPESCRIPT_NODE_ARGS } from "../node/node-args";
import { readOrCreateSecrets, readSecrets, secretFile } from "./secrets";

const root = path.resolve(import.meta.dirname, "../..");
const noSettings: NodeJS.ProcessEnv = { NODE_ENV: "test" };
let dataDir: string;
beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "casebook-secrets-"));
});
afterEach(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe("installation secrets", () => {
  it("are generated once per installation, one 0600 file each, and reused", async () => {
    const first = await readOrCreateSecrets(dataDir, noSettings);
    expect(Object.keys(first).sort()).toEqual([...SECRET_NAMES].sort());
    for (const name of SECRET_NAMES) {
      const stat = await fs.stat(secretFile(dataDir, name));
      expect(stat.mode & 0o777).toBe(0o600);
      expect(first[name]?.length).toBeGreaterThanOrEqual(32);
    }
    expect(path.basename(secretFile(dataDir, "STRIPE_WEBHOOK_SECRET"))).toBe("stripe-webhook-secret");
    expect(first.STRIPE_WEBHOOK_SECRET).toMatch(/^whsec_/);
    expect(await readOrCreateSecrets(dataDir, noSettings)).toEqual(first);
    expect(await readSecrets(dataDir)).toEqual(first);
    // Another installation gets other keys.
    const other = await fs.mkdtemp(path.join(os.tmpdir(), "casebook-secrets-"));
    const second = await readOrCreateSecrets(other, noSettings);
    await fs.rm(other, { recursive: true, force: true });
    for (const name of SECRET_NAMES) expect(second[name]).not.toBe(first[name]);
  });

  it("take a configured variable over the stored file, and never invent Stripe's webhook secret", async () => {
    const secrets = await readOrCreateSecrets(dataDir, { ...noSettings, AUTH_SECRET: "configured-auth-secret-of-32-characters", STRIPE_SECRET_KEY: "sk_test_x" });
    expect(secrets.AUTH_SECRET).toBe("configured-auth-secret-of-32-characters");
    expect(secrets.STRIPE_WEBHOOK_SECRET).toBeUndefined();
    await expect(fs.stat(secretFile(dataDir, "AUTH_SECRET"))).rejects.toThrow();
    await expect(fs.stat(secretFile(dataDir, "STRIPE_WEBHOOK_SECRET"))).rejects.toThrow();
  });

  it("have no default: a process that reads an unset one fails naming it", () => {
    const environment: NodeJS.ProcessEnv = { ...process.env };
    for (const name of SECRET_NAMES) delete environment[name];
    const script = `const { env } = await import(${JSON.stringify(path.join(root, "server/env.ts"))}); console.log(env.PORT); env.PUSHER_APP_SECRET;`;
    const result = spawnSync(process.execPath, [...TYPESCRIPT_NODE_ARGS, "--input-type=module", "-e", script], { cwd: root, env: environment, encoding: "utf8" });
    // Settings without secrets still parse (start scripts read them); the secret itself throws.
    expect(result.stdout.trim()).toMatch(/^\d+$/);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("PUSHER_APP_SECRET is not set");
  });
});
