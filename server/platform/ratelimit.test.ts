import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";

// Policies are read from env at import: shrink the upload window so the test can watch it reset.
vi.hoisted(() => {
  process.env.RATE_LIMIT_UPLOAD_POINTS = "3";
  process.env.RATE_LIMIT_UPLOAD_WINDOW_SECONDS = "1";
  process.env.LOGIN_LIMIT_PER_IP = "2";
  process.env.LOGIN_LIMIT_WINDOW_SECONDS = "600";
  process.env.TRUSTED_PROXIES = "10.0.0.0/8, 127.0.0.1, ::1";
});

import {
  RATE_LIMIT_POLICIES,
  clientIp,
  consume,
  rateLimitHeaders,
  rateLimitedResponse,
  resetRateLimit,
  withRateLimitHeaders,
} from "./ratelimit";
import { redis } from "./redis";

afterAll(() => redis.disconnect());

const nowSeconds = () => Math.floor(Date.now() / 1000);

describe("consume (real Redis)", () => {
  it("reads limits from env", () => {
    expect(RATE_LIMIT_POLICIES.upload).toEqual({ points: 3, durationSeconds: 1, keyPrefix: "casebook:rl:upload" });
    expect(RATE_LIMIT_POLICIES["login-ip"].points).toBe(2);
  });

  it("counts down, then refuses with a retry-after once the window is spent", async () => {
    const key = randomUUID();
    const first = await consume("login-ip", key);
    expect(first).toMatchObject({ allowed: true, limit: 2, remaining: 1, retryAfterSeconds: 0 });
    expect(first.resetAt).toBeGreaterThanOrEqual(nowSeconds() + 599);
    expect(first.resetAt).toBeLessThanOrEqual(nowSeconds() + 601);

    expect(await consume("login-ip", key)).toMatchObject({ allowed: true, remaining: 0 });

    const refused = await consume("login-ip", key);
    expect(refused).toMatchObject({ allowed: false, limit: 2, remaining: 0 });
    expect(refused.retryAfterSeconds).toBeGreaterThan(590);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(600);
    expect(refused.resetAt).toBe(first.resetAt);

    // Another key has its own window.
    expect((await consume("login-ip", randomUUID())).allowed).toBe(true);
  });

  it("opens a fresh window once the old one ends", async () => {
    const key = randomUUID();
    for (let i = 0; i < 3; i++) expect((await consume("upload", key)).allowed).toBe(true);
    const refused = await consume("upload", key);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBe(1);

    // Asked until the window turns: a refused ask counts in the old window only, so the first allowed one is the new window's first.
    await vi.waitFor(async () => expect(await consume("upload", key)).toMatchObject({ allowed: true, remaining: 2 }), { timeout: 3_000, interval: 100 });
  });

  it("keeps counters in Redis under the policy's prefix", async () => {
    const key = randomUUID();
    await consume("login-ip", key);
    expect(await redis.get(`casebook:rl:login-ip:${key}`)).toBe("1");
    await resetRateLimit("login-ip", key);
    expect(await redis.exists(`casebook:rl:login-ip:${key}`)).toBe(0);
    expect((await consume("login-ip", key)).remaining).toBe(1);
  });
});

describe("rate-limit headers", () => {
  it("are exact on allowed responses, without Retry-After", () => {
    const headers = rateLimitHeaders({ allowed: true, limit: 10, remaining: 7, resetAt: 1_900_000_000, retryAfterSeconds: 0 });
    expect(headers).toEqual({ "X-RateLimit-Limit": "10", "X-RateLimit-Remaining": "7", "X-RateLimit-Reset": "1900000000" });
  });

  it("add Retry-After on refusal, and the 429 response carries all of them", async () => {
    const result = { allowed: false, limit: 10, remaining: 0, resetAt: 1_900_000_042, retryAfterSeconds: 42 };
    expect(rateLimitHeaders(result)).toEqual({
      "X-RateLimit-Limit": "10",
      "X-RateLimit-Remaining": "0",
      "X-RateLimit-Reset": "1900000042",
      "Retry-After": "42",
    });
    const response = rateLimitedResponse(result);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("42");
    expect(response.headers.get("x-ratelimit-reset")).toBe("1900000042");
    expect(await response.json()).toEqual({
      error: { code: "RATE_LIMITED", message: "Too many requests. Please try again in 42 seconds.", retryAfterSeconds: 42 },
    });
  });

  it("can be put on any response, including ones with immutable headers", async () => {
    const real = await consume("login-ip", randomUUID());
    const redirect = withRateLimitHeaders(Response.redirect("https://example.com/", 302), real);
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("location")).toBe("https://example.com/");
    expect(redirect.headers.get("x-ratelimit-limit")).toBe("2");
    expect(redirect.headers.get("x-ratelimit-remaining")).toBe("1");
    expect(redirect.headers.get("x-ratelimit-reset")).toBe(String(real.resetAt));
    expect(redirect.headers.get("retry-after")).toBeNull();
  });
});

describe("clientIp", () => {
  const forwarded = (value: string) => new Headers({ "x-forwarded-for": value });

  it("ignores X-Forwarded-For from an untrusted peer", () => {
    expect(clientIp(forwarded("1.2.3.4"), "203.0.113.9")).toBe("203.0.113.9");
  });

  it("takes the nearest untrusted hop when the peer is a trusted proxy", () => {
    expect(clientIp(forwarded("1.2.3.4"), "10.1.2.3")).toBe("1.2.3.4");
    // A client-forged entry on the left does not win over the address our proxy saw.
    expect(clientIp(forwarded("6.6.6.6, 198.51.100.7, 10.0.0.2"), "127.0.0.1")).toBe("198.51.100.7");
  });

  it("normalises IPv4-mapped IPv6, ports and brackets", () => {
    expect(clientIp(new Headers(), "::ffff:203.0.113.5")).toBe("203.0.113.5");
    expect(clientIp(forwarded("203.0.113.5:4711"), "::ffff:127.0.0.1")).toBe("203.0.113.5");
    expect(clientIp(forwarded("[2001:db8::1]:443"), "::1")).toBe("2001:db8::1");
  });

  it("falls back to the last trusted address when the chain is malformed or absent", () => {
    expect(clientIp(forwarded("not-an-ip"), "10.0.0.1")).toBe("10.0.0.1");
    expect(clientIp(new Headers(), "10.0.0.1")).toBe("10.0.0.1");
    expect(clientIp(forwarded("10.0.0.5, 10.0.0.6"), "10.0.0.1")).toBe("10.0.0.5");
    expect(clientIp(new Headers(), undefined)).toBe("unknown");
  });
});
