import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * A guest has no account to prove an order is theirs, so the success URL
 * carries a random token (256 bits) and the order keeps only its sha256: a
 * leaked database row does not let anyone open the order page.
 */
export function newOrderAccessToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashOrderAccessToken(token) };
}

export function hashOrderAccessToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function accessTokenMatches(storedHash: string | null, token: string | undefined): boolean {
  if (!storedHash || !token) return false;
  const given = Buffer.from(hashOrderAccessToken(token), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return given.length === stored.length && timingSafeEqual(given, stored);
}
