import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { appUrl } from "@/server/env";
import { auth } from "@/server/platform/better-auth";
import { db } from "@/server/platform/db";

/**
 * For tests that drive better-auth's endpoints the way a browser does: over
 * its HTTP handler, from the app's own origin, each call from a client
 * address of its own unless one is given (the per-IP limits would mix
 * unrelated calls otherwise).
 */

export const TEST_PASSWORD = "correct-horse-battery";

/** An address in a documentation range (RFC 5737), random per call. */
export function randomIp(): string {
  const octet = () => Math.floor(Math.random() * 254) + 1;
  return `203.0.${octet()}.${octet()}`;
}

export function newPerson(name = "Robin Recovery") {
  const tag = randomUUID().replaceAll("-", "").slice(0, 10);
  return { name, email: `r-${tag}@test.casebook.dev`, username: `r_${tag}`, password: TEST_PASSWORD };
}

export async function authCall(path: string, init: { body?: unknown; ip?: string; cookie?: string; method?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = { origin: appUrl, "x-forwarded-for": init.ip ?? randomIp() };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  if (init.cookie) headers.cookie = init.cookie;
  return auth.handler(
    new Request(`${appUrl}/api/auth${path}`, {
      method: init.method ?? "POST",
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
  );
}

/** The Cookie header a browser would send after this answer. */
export function cookieOf(response: Response): string {
  return response.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
}

/** Mail is sent after the answer (better-auth background task): wait for it. */
export async function latestMail(to: string, subject: RegExp): Promise<{ subject: string; text: string }> {
  let found: { subject: string; text: string } | undefined;
  await expect
    .poll(async () => {
      const rows = await db.mailOutbox.findMany({ where: { to }, orderBy: { sentAt: "desc" } });
      found = rows.find((row) => subject.test(row.subject));
      return found !== undefined;
    })
    .toBe(true);
  return found as { subject: string; text: string };
}
