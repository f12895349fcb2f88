import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { listenLocally, type LocalHttpServer } from "@/server/testing/local-http-server";
import { CLICK_STREAM } from "@/server/links/analytics/click-events";
import { createLink } from "@/server/links/manage/create-link";
import { hotPathRedis } from "@/server/links/hot-path-redis";
import { getLinkCache } from "@/server/links/redirect/link-cache";
import { DESKTOP_UA, eventually, uniqueAlias } from "@/server/links/links-test-kit";
import { answerBeforeNext } from "./listener";

/**
 * The self-hosted listener exactly as server/web/main.ts wires it, with a
 * stand-in for Next that answers 299 so fall-through is visible.
 */
let server: LocalHttpServer;
let base: string;

beforeAll(async () => {
  server = await listenLocally((request, response) => {
    const next = () => {
      response.writeHead(299, { "X-Handled-By": "next" });
      response.end();
    };
    request.headers["x-forwarded-for"] = request.socket.remoteAddress ?? "unknown";
    answerBeforeNext(request, response, next);
  });
  base = server.base;
});

afterAll(async () => {
  await server.close();
  await getLinkCache({ db, redis }).close();
  hotPathRedis().disconnect();
  redis.disconnect();
  await db.$disconnect();
});

const get = (path: string, init: RequestInit = {}) =>
  fetch(base + path, { redirect: "manual", ...init, headers: { "user-agent": DESKTOP_UA, ...(init.headers as Record<string, string> | undefined) } });

describe("self-hosted fast path", () => {
  it("redirects an existing code before Next and queues its click", async () => {
    const cache = getLinkCache({ db, redis });
    const link = await createLink({ db, cache, ownerId: null, input: { url: "https://example.com/fast" } });
    const response = await get(`/${link.code}?ref=qr`);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("https://example.com/fast?ref=qr");
    expect(response.headers.get("cache-control")).toBe("private, max-age=0");
    // A bodiless redirect renders nothing: of the security headers only the referrer policy applies to it.
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("content-security-policy")).toBeNull();

    // Clicks are written in small batches a few milliseconds after the response (this file has its own stream).
    await eventually(async () => (await redis.xrange(CLICK_STREAM, "-", "+")).some(([, fields]) => fields.join(" ").includes(link.id)), 5_000);
  });

  it("hands unknown codes, reserved words and other paths to Next", async () => {
    for (const path of [`/${uniqueAlias("none")}`, "/links", "/api/auth/get-session", "/", "/favicon.ico", "/_next/static/x.js", "/a/b"]) {
      const response = await get(path);
      expect(response.status, path).toBe(299);
    }
  });

  it("answers 410 for an expired link itself (the link exists), and the password form", async () => {
    const cache = getLinkCache({ db, redis });
    // Wide enough for a loaded machine to create the link and serve it once before it expires.
    const expiresAt = Date.now() + 2_000;
    const link = await createLink({ db, cache, ownerId: null, input: { url: "https://example.com/exp", expiresAt: new Date(expiresAt) } });
    expect((await get(`/${link.code}`)).status).toBe(302);
    let gone = await get(`/${link.code}`);
    await eventually(async () => (gone = await get(`/${link.code}`)).status !== 302, expiresAt - Date.now() + 5_000);
    expect(gone.status).toBe(410);
    expect(gone.headers.get("content-type")).toContain("text/html");
    // A page answered before Next gets the headers proxy.ts gives everything Next answers (issue 11), and its own policy.
    expect(gone.headers.get("content-security-policy")).toMatch(/^default-src 'none'; style-src 'sha256-[^']+'; .*frame-ancestors 'none'$/);
    expect(gone.headers.get("x-frame-options")).toBe("DENY");
    expect(gone.headers.get("x-content-type-options")).toBe("nosniff");
    expect(gone.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(gone.headers.get("permissions-policy")).toContain("geolocation=()");
    expect(await gone.text()).toContain("no longer available");

    const locked = await createLink({ db, cache, ownerId: null, input: { url: "https://example.com/locked", password: "letmein" } });
    expect((await get(`/${locked.code}`)).status).toBe(200);
    const wrong = await get(`/${locked.code}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "password=nope" });
    expect(wrong.status).toBe(401);
    const right = await get(`/${locked.code}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "password=letmein" });
    expect(right.status).toBe(302);
    expect(right.headers.get("location")).toBe("https://example.com/locked");
  });

  it("answers POST /api/shorten itself, with the same statuses as the Next route", async () => {
    const post = (body: string) => get("/api/shorten", { method: "POST", headers: { "content-type": "application/json" }, body });
    const created = await post(JSON.stringify({ url: "https://example.com/via-fast-path" }));
    expect(created.status).toBe(201);
    expect(created.headers.get("x-ratelimit-limit")).toMatch(/^\d+$/);
    const { shortCode } = (await created.json()) as { shortCode: string };
    expect((await get(`/${shortCode}`)).headers.get("location")).toBe("https://example.com/via-fast-path");

    expect((await post(JSON.stringify({ url: "javascript:alert(1)" }))).status).toBe(400);
    expect((await post(JSON.stringify({ url: "https://example.com", pad: "x".repeat(20_000) }))).status).toBe(413);
    expect((await get("/api/shorten", { method: "GET" })).status).toBe(299);
  });

  it("answers tRPC itself, with tRPC's own guard and limits", async () => {
    const home = await get("/api/trpc/shop.catalog.home");
    expect(home.status).toBe(200);
    expect(home.headers.get("x-handled-by")).toBeNull();
    expect(await home.json()).toMatchObject({ result: { data: { json: expect.any(Object) } } });

    const foreign = await get("/api/trpc/links.create", {
      method: "POST",
      headers: { cookie: "casebook.session_token=x", origin: "https://attacker.example", "content-type": "application/json" },
      body: JSON.stringify({ json: { url: "https://example.com" } }),
    });
    expect(foreign.status).toBe(403);
    const tooMany = Array.from({ length: 11 }, () => "shop.catalog.home").join(",");
    expect((await get(`/api/trpc/${tooMany}?batch=1`)).status).toBe(400);
    // Other /api paths still go to Next.
    expect((await get("/api/auth/get-session")).headers.get("x-handled-by")).toBe("next");
  });

  it("answers HEAD with the redirect and no body", async () => {
    const link = await createLink({ db, cache: getLinkCache({ db, redis }), ownerId: null, input: { url: "https://example.com/head" } });
    const response = await get(`/${link.code}`, { method: "HEAD" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("https://example.com/head");
  });
});
