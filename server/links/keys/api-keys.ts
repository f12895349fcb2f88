import { createHash, randomBytes } from "node:crypto";

/**
 * API key format: "cbk_" + 32 random bytes in base64url (256 bits). Keys are
 * stored as their sha256: with that much entropy a fast hash is enough (there
 * is nothing to brute-force), and lookups stay one indexed query per call.
 */
const KEY_PREFIX = "cbk_";
const KEY_PATTERN = /^cbk_[A-Za-z0-9_-]{43}$/;
/** What lists show: "cbk_" and the first 8 characters of the secret. */
const DISPLAY_PREFIX_LENGTH = KEY_PREFIX.length + 8;

export function generateApiKey(): { key: string; keyHash: string; prefix: string } {
  const key = KEY_PREFIX + randomBytes(32).toString("base64url");
  return { key, keyHash: hashApiKey(key), prefix: key.slice(0, DISPLAY_PREFIX_LENGTH) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function looksLikeApiKey(value: string): boolean {
  return KEY_PATTERN.test(value);
}
