import { createHmac, randomBytes, randomUUID } from "node:crypto";
import type { PrismaClient } from "../../server/generated/prisma/client";

/**
 * Signed-in sessions for bench users made straight in Postgres (no password
 * hashing per user): a session row each, and the cookie better-auth would
 * have set: `<token>.<base64 HMAC-SHA256(token, AUTH_SECRET)>`, URI-encoded
 * (better-call signCookieValue).
 */
export async function createSessionCookies(db: PrismaClient, userIds: string[], authSecret: string): Promise<string[]> {
  const tokens = userIds.map(() => randomBytes(24).toString("base64url"));
  // A fresh session lasts SESSION_EXPIRES_IN_SECONDS (30 days, server/platform/auth.ts). A shorter life makes every
  // request "due for its daily refresh", which sends it through better-auth's getSession and a session UPDATE
  // instead of the one-statement lookup real signed-in users get (bench:rides' location ingest: 14 updates/s).
  const expiresAt = new Date(Date.now() + 30 * 24 * 3600_000);
  await db.session.createMany({ data: userIds.map((userId, index) => ({ id: randomUUID(), token: tokens[index] ?? "", userId, expiresAt })) });
  return tokens.map((token) => {
    const signature = createHmac("sha256", authSecret).update(token).digest("base64");
    return `better-auth.session_token=${encodeURIComponent(`${token}.${signature}`)}`;
  });
}
