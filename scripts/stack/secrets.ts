import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { SECRET_NAMES, type SecretName } from "../../server/secret-names";

export type Secrets = Record<SecretName, string>;

/** `STRIPE_WEBHOOK_SECRET` → `stripe-webhook-secret` (clarifications: one file per variable, lower-kebab-case). */
export const secretFile = (dataDir: string, name: SecretName) => path.join(dataDir, name.toLowerCase().replaceAll("_", "-"));

const generate = (name: SecretName) => (name === "STRIPE_WEBHOOK_SECRET" ? "whsec_" : "") + randomBytes(32).toString("base64url");

/**
 * The installation's signing keys: a variable set in the environment wins;
 * otherwise the key stored under `dataDir` (mode 0600), created on first use,
 * so sessions, codes and webhook signatures stay valid across restarts.
 * With real Stripe configured the webhook secret is Stripe's and must be set,
 * so it is never generated then.
 */
export async function readOrCreateSecrets(dataDir: string, environment: NodeJS.ProcessEnv = process.env): Promise<Partial<Secrets>> {
  const secrets: Partial<Secrets> = {};
  for (const name of SECRET_NAMES) {
    const configured = environment[name];
    if (configured) secrets[name] = configured;
    else if (name !== "STRIPE_WEBHOOK_SECRET" || !environment.STRIPE_SECRET_KEY) secrets[name] = await readOrCreate(secretFile(dataDir, name), name);
  }
  return secrets;
}

/** The keys a running stack uses, for tools that talk to it (benches, e2e helpers); never creates one. */
export async function readSecrets(dataDir: string): Promise<Partial<Secrets>> {
  const secrets: Partial<Secrets> = {};
  for (const name of SECRET_NAMES) {
    const stored = await fs.readFile(secretFile(dataDir, name), "utf8").catch(() => undefined);
    if (stored?.trim()) secrets[name] = stored.trim();
  }
  return secrets;
}

/** Fresh keys for a throwaway run (Vitest); nothing is written. */
export function throwawaySecrets(): Secrets {
  return Object.fromEntries(SECRET_NAMES.map((name) => [name, generate(name)])) as Secrets;
}

async function readOrCreate(file: string, name: SecretName): Promise<string> {
  const existing = (await fs.readFile(file, "utf8").catch(() => undefined))?.trim();
  if (existing) return existing;
  const secret = generate(name);
  await fs.mkdir(path.dirname(file), { recursive: true });
  // "wx": two starts racing on a fresh machine must not each write a different key.
  await fs.writeFile(file, secret, { mode: 0o600, flag: "wx" }).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== "EEXIST") throw error;
  });
  return (await fs.readFile(file, "utf8")).trim();
}
