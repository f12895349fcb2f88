import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.RATE_LIMIT_API_ANONYMOUS_POINTS = "5";
  process.env.RATE_LIMIT_API_KEY_POINTS = "1000";
  process.env.APP_URL = "http://short.test";
});

import { DELETE as deleteUrl } from "@/app/api/urls/[code]/route";
import { GET as clicksCsv } from "@/app/api/links/[code]/clicks.csv/route";
import { POST as shorten } from "@/app/api/shorten/route";
import { GET as stats } from "@/app/api/stats/[code]/route";
import { ErrorBody } from "@/server/errors";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { recordClick } from "../analytics/click-events";
import { ClickStreamConsumer } from "../analytics/consume-click-stream";
import { PublicLinkStats } from "../analytics/get-public-link-stats";
import { getLinkCache } from "../redirect/link-cache";
import { DESKTOP_UA, createTestApiKey, createTestUser, uniqueAlias } from "../links-test-kit";
import { resolveRedirect } from "../redirect/resolve-redirect";
import { revokeApiKey } from "../keys/revoke-api-key";
import { ShortenResponse } from "./shorten-url";

afterAll(async () => {
  await getLinkCache({ db, redis }).close();
  redis.disconnect();
  await db.$disconnect();
});

/** Each test gets its own client address, so anonymous limits do not leak between tests. */
const newIp = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

function post(body: unknown, options: { key?: string; ip?: string; raw?: string } = {}): Request {
  const headers: Record<string, string> = { "content-type": "application/json", "x-forwarded-for": options.ip ?? newIp() };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  return new Request("http://short.test/api/shorten", { method: "POST", headers, body: options.raw ?? JSON.stringify(body) });
}

function withKey(url: string, method: string, key?: string): Request {
  const headers: Record<string, string> = { "x-forwarded-for": newIp() };
  if (key) headers.authorization = `Bearer ${key}`;
  return new Request(url, { method, headers });
}

const params = (code: string) => ({ params: Promise.resolve({ code }) });

function expectRateLimitHeaders(response: Response) {
  expect(response.headers.get("x-ratelimit-limit")).toMatch(/^\d+$/);
  expect(response.headers.get("x-ratelimit-remaining")).toMatch(/^\d+$/);
  expect(Number(response.headers.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000);
}

async function errorOf(response: Response) {
  return ErrorBody.parse(await response.json()).error.code;
}

describe("POST /api/shorten", () => {
  it("201 with the documented shape for an anonymous call", async () => {
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const response = await shorten(post({ url: "HTTPS://Example.COM/Path?q=1", expiresAt }));
    expect(response.status).toBe(201);
    expectRateLimitHeaders(response);
    const body = ShortenResponse.parse(await response.json());
    expect(body).toEqual({
      shortUrl: `http://short.test/${body.shortCode}`,
      shortCode: expect.stringMatching(/^[0-9A-Za-z]{7}$/),
      originalUrl: "https://example.com/Path?q=1",
      createdAt: expect.any(String),
      expiresAt,
    });
    expect((await db.link.findUniqueOrThrow({ where: { code: body.shortCode } })).ownerId).toBeNull();
  });

  it("201 with a custom alias; 409 when it is taken; a deleted alias can be reused", async () => {
    const user = await createTestUser();
    const key = await createTestApiKey(user.id);
    const alias = uniqueAlias("Sale");
    const created = await shorten(post({ url: "https://example.com/a", customAlias: alias }, { key }));
    expect(created.status).toBe(201);
    expect(((await created.json()) as { shortCode: string }).shortCode).toBe(alias);

    const taken = await shorten(post({ url: "https://example.com/b", customAlias: alias }));
    expect(taken.status).toBe(409);
    expect(await errorOf(taken)).toBe("CONFLICT");
    expectRateLimitHeaders(taken);

    expect((await deleteUrl(withKey(`http://short.test/api/urls/${alias}`, "DELETE", key), params(alias))).status).toBe(204);
    expect((await shorten(post({ url: "https://example.com/c", customAlias: alias }))).status).toBe(201);
  });

  it.each([
    ["javascript: URL", { url: "javascript:alert(1)" }],
    ["data: URL", { url: "data:text/html,hi" }],
    ["file: URL", { url: "file:///etc/passwd" }],
    ["missing url", {}],
    ["url not a string", { url: 42 }],
    ["credentials", { url: "https://a:b@example.com" }],
    ["loop to this host", { url: "http://short.test/abc1234" }],
    ["too long", { url: `https://example.com/${"x".repeat(2_100)}` }],
    ["reserved alias", { url: "https://example.com", customAlias: "links" }],
    ["alias with bad characters", { url: "https://example.com", customAlias: "no spaces" }],
    ["alias too short", { url: "https://example.com", customAlias: "ab" }],
    ["past expiry", { url: "https://example.com", expiresAt: "2001-01-01T00:00:00Z" }],
    ["unparsable expiry", { url: "https://example.com", expiresAt: "next tuesday" }],
    ["impossible date", { url: "https://example.com", expiresAt: "2030-02-31T25:61:00Z" }],
  ])("400 for %s", async (_name, body) => {
    const response = await shorten(post(body));
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toBe("BAD_REQUEST");
    expectRateLimitHeaders(response);
  });

  it("400 for a body that is not JSON", async () => {
    const response = await shorten(post(null, { raw: "{not json" }));
    expect(response.status).toBe(400);
  });

  it("413 for a body over 16 KB", async () => {
    const response = await shorten(post({ url: "https://example.com", padding: "x".repeat(17 * 1024) }));
    expect(response.status).toBe(413);
    expect(await errorOf(response)).toBe("PAYLOAD_TOO_LARGE");
    expectRateLimitHeaders(response);
  });

  it("429 with Retry-After once an anonymous client spends its limit; an API key has its own, higher limit", async () => {
    const ip = newIp();
    for (let index = 0; index < 5; index++) {
      const response = await shorten(post({ url: "https://example.com/limited" }, { ip }));
      expect(response.status).toBe(201);
      expect(response.headers.get("x-ratelimit-limit")).toBe("5");
      expect(response.headers.get("x-ratelimit-remaining")).toBe(String(4 - index));
    }
    const refused = await shorten(post({ url: "https://example.com/limited" }, { ip }));
    expect(refused.status).toBe(429);
    expect(await errorOf(refused)).toBe("RATE_LIMITED");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("x-ratelimit-remaining")).toBe("0");

    const user = await createTestUser();
    const withApiKey = await shorten(post({ url: "https://example.com/limited" }, { ip, key: await createTestApiKey(user.id) }));
    expect(withApiKey.status).toBe(201);
    expect(withApiKey.headers.get("x-ratelimit-limit")).toBe("1000");
  });

  it("401 for a malformed, unknown or revoked API key", async () => {
    const user = await createTestUser();
    const key = await createTestApiKey(user.id);
    for (const bad of ["not-a-key", `cbk_${"A".repeat(43)}`]) {
      const response = await shorten(post({ url: "https://example.com" }, { key: bad }));
      expect(response.status).toBe(401);
      expect(await errorOf(response)).toBe("UNAUTHORIZED");
      expectRateLimitHeaders(response);
    }
    // A key that was just used (and so is cached) stops working the moment it is revoked.
    expect((await shorten(post({ url: "https://example.com" }, { key }))).status).toBe(201);
    const keyRow = await db.apiKey.findFirstOrThrow({ where: { userId: user.id } });
    await revokeApiKey({ db, redis, userId: user.id, id: keyRow.id });
    expect((await shorten(post({ url: "https://example.com" }, { key }))).status).toBe(401);
  });

  it("an API key owns the link it creates", async () => {
    const user = await createTestUser();
    const response = await shorten(post({ url: "https://example.com/owned" }, { key: await createTestApiKey(user.id) }));
    const { shortCode } = (await response.json()) as { shortCode: string };
    expect((await db.link.findUniqueOrThrow({ where: { code: shortCode } })).ownerId).toBe(user.id);
    expect((await db.apiKey.findFirstOrThrow({ where: { userId: user.id } })).lastUsedAt).not.toBeNull();
  });
});

describe("GET /api/stats/{code} and DELETE /api/urls/{code}", () => {
  async function ownedLink() {
    const user = await createTestUser();
    const key = await createTestApiKey(user.id);
    const response = await shorten(post({ url: "https://example.com/stats" }, { key }));
    const { shortCode } = (await response.json()) as { shortCode: string };
    return { user, key, code: shortCode };
  }

  it("200 with the documented shape for the owner, after clicks were ingested", async () => {
    const { key, code } = await ownedLink();
    const link = await db.link.findUniqueOrThrow({ where: { code } });
    await recordClick(redis, { linkId: link.id, occurredAt: Date.now(), ip: "81.2.69.160", userAgent: DESKTOP_UA, referer: "https://www.reddit.com/r/x" });
    await recordClick(redis, { linkId: link.id, occurredAt: Date.now(), ip: "127.0.0.1", userAgent: DESKTOP_UA, referer: "" });
    const consumerRedis = redis.duplicate();
    const consumer = new ClickStreamConsumer({ db, redis: consumerRedis, consumer: `api-test-${randomUUID()}`, batchSize: 500 });
    await consumer.ensureGroup();
    while ((await consumer.processOnce(10, 60_000)) > 0);
    consumerRedis.disconnect();

    const response = await stats(withKey(`http://short.test/api/stats/${code}`, "GET", key), params(code));
    expect(response.status).toBe(200);
    expectRateLimitHeaders(response);
    const today = new Date().toISOString().slice(0, 10);
    expect(PublicLinkStats.parse(await response.json())).toEqual({
      shortCode: code,
      originalUrl: "https://example.com/stats",
      totalClicks: 2,
      uniqueVisitors: 2,
      clicksByDate: { [today]: 2 },
      topReferrers: expect.arrayContaining([
        { referrer: "www.reddit.com", count: 1 },
        { referrer: "direct", count: 1 },
      ]),
      topCountries: expect.arrayContaining([
        { country: "GB", count: 1 },
        { country: "unknown", count: 1 },
      ]),
      devices: [{ name: "desktop", count: 2 }],
      browsers: [{ name: "Chrome", count: 2 }],
    });

    const csv = await clicksCsv(withKey(`http://short.test/api/links/${code}/clicks.csv`, "GET", key), params(code));
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\n");
    expect(lines[0]).toBe("occurred_at,referrer_domain,country,browser,os,device,is_bot");
    expect(lines).toHaveLength(3);
  });

  it("401 without a key, 403 for someone else's link, 404 for an unknown code", async () => {
    const { code } = await ownedLink();
    const other = await createTestApiKey((await createTestUser()).id);
    const anonymous = await stats(withKey(`http://short.test/api/stats/${code}`, "GET"), params(code));
    expect(anonymous.status).toBe(401);
    expectRateLimitHeaders(anonymous);
    expect((await stats(withKey(`http://short.test/api/stats/${code}`, "GET", other), params(code))).status).toBe(403);
    expect((await deleteUrl(withKey(`http://short.test/api/urls/${code}`, "DELETE", other), params(code))).status).toBe(403);
    expect((await deleteUrl(withKey(`http://short.test/api/urls/${code}`, "DELETE"), params(code))).status).toBe(401);
    const missing = `zz${randomUUID().slice(0, 5)}`;
    const notFound = await stats(withKey(`http://short.test/api/stats/${missing}`, "GET", other), params(missing));
    expect(notFound.status).toBe(404);
    expect(await errorOf(notFound)).toBe("NOT_FOUND");
  });

  it("204 on delete; the code then answers 404 and the link is gone", async () => {
    const { key, code } = await ownedLink();
    const cache = getLinkCache({ db, redis });
    const visit = { method: "GET", code, search: "", ip: "127.0.0.1", userAgent: DESKTOP_UA, referer: "" };
    expect((await resolveRedirect(cache, visit)).status).toBe(302);
    const response = await deleteUrl(withKey(`http://short.test/api/urls/${code}`, "DELETE", key), params(code));
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
    expectRateLimitHeaders(response);
    expect((await resolveRedirect(cache, visit)).status).toBe(404);
    expect((await deleteUrl(withKey(`http://short.test/api/urls/${code}`, "DELETE", key), params(code))).status).toBe(404);
  });
});
