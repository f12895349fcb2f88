import { createHash } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/server/platform/db";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { createLink } from "../manage/create-link";
import { deleteLink } from "../manage/delete-link";
import { LinkCache } from "./link-cache";
import { DESKTOP_UA, createTestUser, eventually, uniqueAlias } from "../links-test-kit";
import { resolveRedirect, withQuery, type RedirectRequest } from "./resolve-redirect";
import { setLinkDisabled } from "../manage/set-link-disabled";
import { updateLink } from "../manage/update-link";

const caches: LinkCache[] = [];
function newCache(options: { localTtlMs?: number; db?: Db } = {}): LinkCache {
  const cache = new LinkCache({ db: options.db ?? db, redis, localTtlMs: options.localTtlMs ?? 60_000 });
  caches.push(cache);
  return cache;
}

afterAll(async () => {
  await Promise.all(caches.map((cache) => cache.close()));
  redis.disconnect();
  await db.$disconnect();
});

const visit = (code: string, extra: Partial<RedirectRequest> = {}): RedirectRequest => ({
  method: "GET",
  code,
  search: "",
  ip: "81.2.69.160",
  userAgent: DESKTOP_UA,
  referer: "",
  ...extra,
});

describe("resolveRedirect", () => {
  it("answers 302 with the destination plus the short URL's query string, private max-age=0, and a click to record", async () => {
    const cache = newCache();
    const link = await createLink({ db, cache, ownerId: null, input: { url: "https://example.com/page?x=1#top" } });
    const answer = await resolveRedirect(cache, visit(link.code, { search: "?utm_source=mail" }));
    expect(answer.status).toBe(302);
    expect(answer.headers).toEqual({ Location: "https://example.com/page?x=1&utm_source=mail#top", "Cache-Control": "private, max-age=0" });
    expect(answer.click).toMatchObject({ linkId: link.id, ip: "81.2.69.160", userAgent: DESKTOP_UA });
  });

  it("answers without a promise once the code is in the process's cache (the hot path creates none)", async () => {
    const cache = newCache();
    const link = await createLink({ db, cache, ownerId: null, input: { url: "https://example.com/warm" } });
    const cold = resolveRedirect(cache, visit(link.code));
    expect(cold).toBeInstanceOf(Promise);
    await cold;
    const warm = resolveRedirect(cache, visit(link.code));
    expect(warm).not.toBeInstanceOf(Promise);
    expect(warm).toMatchObject({ status: 302, headers: { Location: "https://example.com/warm" } });
  });

  it("styles its pages under their own policy: the stylesheet by its hash", async () => {
    const cache = newCache();
    const answer = await resolveRedirect(cache, visit(uniqueAlias("gone")));
    const style = /<style>([\s\S]*?)<\/style>/.exec(answer.body)?.[1] ?? "";
    const hash = createHash("sha256").update(style).digest("base64");
    expect(answer.headers["Content-Security-Policy"]).toContain(`style-src 'sha256-${hash}'`);
    expect(answer.headers["Content-Security-Policy"]).toContain("default-src 'none'");
    // The password form's answer redirects to the destination, which form-action also governs.
    expect(answer.headers["Content-Security-Policy"]).toContain("form-action 'self' http: https:");
  });

  it("answers HEAD without counting a click", async () => {
    const cache = newCache();
    const link = await createLink({ db, cache, ownerId: null, input: { url: "https://example.com/" } });
    const answer = await resolveRedirect(cache, visit(link.code, { method: "HEAD" }));
    expect(answer.status).toBe(302);
    expect(answer.click).toBeUndefined();
  });

  it("answers impossible codes 404 without any lookup", async () => {
    const cache = newCache();
    const lookup = vi.spyOn(cache, "lookup");
    for (const code of ["ab", "a".repeat(51), "bad.code", "links", "api", "favicon.ico", "%20abc"]) {
      const answer = await resolveRedirect(cache, visit(code));
      expect(answer.status).toBe(404);
      expect(answer.yieldToNext).toBe(true);
      expect(answer.body).toContain("does not exist");
    }
    expect(lookup).not.toHaveBeenCalled();
  });

  it("caches unknown codes negatively, and creating that alias clears the entry", async () => {
    const alias = uniqueAlias();
    const cache = newCache();
    expect((await resolveRedirect(cache, visit(alias))).status).toBe(404);
    expect(await redis.get(`casebook:links:code:${alias}`)).toBe("0");
    // A second instance sees the negative entry in Redis.
    expect((await resolveRedirect(newCache(), visit(alias))).status).toBe(404);

    await createLink({ db, cache, ownerId: null, input: { url: "https://example.com/new", customAlias: alias } });
    expect((await resolveRedirect(cache, visit(alias))).status).toBe(302);
  });

  it("honours expiry at the instant it passes, even from a warm cache", async () => {
    const cache = newCache();
    const expiresAt = new Date(Date.now() + 60_000);
    const link = await createLink({ db, cache, ownerId: null, input: { url: "https://example.com/soon", expiresAt } });
    const at = (ms: number) => () => ms;
    expect((await resolveRedirect(cache, visit(link.code), at(expiresAt.getTime() - 1))).status).toBe(302);
    const gone = await resolveRedirect(cache, visit(link.code), at(expiresAt.getTime()));
    expect(gone.status).toBe(410);
    expect(gone.yieldToNext).toBeUndefined();
    expect(gone.body).toContain("expired");
    expect(gone.click).toBeUndefined();
  });

  it("answers 410 for a disabled link and 302 again once enabled", async () => {
    const user = await createTestUser();
    const cache = newCache();
    const link = await createLink({ db, cache, ownerId: user.id, input: { url: "https://example.com/d" } });
    await setLinkDisabled({ db, cache, ownerId: user.id, code: link.code, disabled: true });
    const answer = await resolveRedirect(cache, visit(link.code));
    expect(answer.status).toBe(410);
    expect(answer.body).toContain("disabled");
    await setLinkDisabled({ db, cache, ownerId: user.id, code: link.code, disabled: false });
    expect((await resolveRedirect(cache, visit(link.code))).status).toBe(302);
  });

  it("asks for the password; a wrong one answers 401 with no click, the right one redirects and counts", async () => {
    const cache = newCache();
    const link = await createLink({ db, cache, ownerId: null, input: { url: "https://example.com/secret", password: "open sesame" } });
    const form = await resolveRedirect(cache, visit(link.code));
    expect(form.status).toBe(200);
    expect(form.body).toContain('name="password"');
    expect(form.click).toBeUndefined();

    const wrong = await resolveRedirect(cache, visit(link.code, { method: "POST", readForm: async () => new URLSearchParams("password=nope") }));
    expect(wrong.status).toBe(401);
    expect(wrong.body).toContain("not right");
    expect(wrong.click).toBeUndefined();

    const right = await resolveRedirect(cache, visit(link.code, { method: "POST", search: "?a=1", readForm: async () => new URLSearchParams("password=open+sesame") }));
    expect(right.status).toBe(302);
    expect(right.headers.Location).toBe("https://example.com/secret?a=1");
    expect(right.click?.linkId).toBe(link.id);
  });

  it("limits password guesses per visitor and link", async () => {
    const cache = newCache();
    const link = await createLink({ db, cache, ownerId: null, input: { url: "https://example.com/guarded", password: "right one" } });
    const guess = (ip: string) => resolveRedirect(cache, visit(link.code, { method: "POST", ip, readForm: async () => new URLSearchParams("password=wrong") }));
    for (let attempt = 0; attempt < 20; attempt++) expect((await guess("203.0.113.9")).status).toBe(401);
    const refused = await guess("203.0.113.9");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers["Retry-After"])).toBeGreaterThan(0);
    expect(refused.body).toContain("Too many attempts");
    // Another visitor is not affected.
    expect((await guess("203.0.113.10")).status).toBe(401);
  });

  it("sends one Postgres query for a cold code however many requests wait for it (single-flight)", async () => {
    let queries = 0;
    const countingDb = {
      link: {
        findUnique: (args: Parameters<Db["link"]["findUnique"]>[0]) => {
          queries += 1;
          return db.link.findUnique(args);
        },
      },
    } as unknown as Db;
    const link = await createLink({ db, cache: newCache(), ownerId: null, input: { url: "https://example.com/hot" } });
    await redis.del(`casebook:links:code:${link.code}`);
    const cache = newCache({ db: countingDb });
    const answers = await Promise.all(Array.from({ length: 500 }, () => resolveRedirect(cache, visit(link.code))));
    expect(answers.every((answer) => answer.status === 302)).toBe(true);
    expect(queries).toBe(1);
  });

  it("drops deleted links from every instance's LRU within a second (pub/sub)", async () => {
    const user = await createTestUser();
    const [instanceA, instanceB] = [newCache(), newCache()];
    const link = await createLink({ db, cache: instanceA, ownerId: user.id, input: { url: "https://example.com/del", customAlias: uniqueAlias("del") } });
    expect((await resolveRedirect(instanceA, visit(link.code))).status).toBe(302);
    expect((await resolveRedirect(instanceB, visit(link.code))).status).toBe(302);

    await deleteLink({ db, cache: instanceA, ownerId: user.id, code: link.code });
    expect((await resolveRedirect(instanceA, visit(link.code))).status).toBe(404);
    const took = await eventually(async () => (await resolveRedirect(instanceB, visit(link.code))).status === 404, 1_000);
    expect(took).toBeLessThan(1_000);

    // A deleted alias can be taken again.
    const again = await createLink({ db, cache: instanceA, ownerId: user.id, input: { url: "https://example.com/again", customAlias: link.code } });
    expect(again.code).toBe(link.code);
  });

  it("serves an edited destination from every instance within a second", async () => {
    const user = await createTestUser();
    const [instanceA, instanceB] = [newCache(), newCache()];
    const link = await createLink({ db, cache: instanceA, ownerId: user.id, input: { url: "https://example.com/old" } });
    expect((await resolveRedirect(instanceB, visit(link.code))).headers.Location).toBe("https://example.com/old");

    await updateLink({ db, cache: instanceA, ownerId: user.id, input: { code: link.code, url: "https://example.com/new" } });
    await eventually(async () => (await resolveRedirect(instanceB, visit(link.code))).headers.Location === "https://example.com/new", 1_000);
  });
});

describe("withQuery", () => {
  it.each([
    ["https://a.com/", "", "https://a.com/"],
    ["https://a.com/", "?x=1", "https://a.com/?x=1"],
    ["https://a.com/?y=2", "?x=1", "https://a.com/?y=2&x=1"],
    ["https://a.com/?", "?x=1", "https://a.com/?x=1"],
    ["https://a.com/p#frag", "?x=1", "https://a.com/p?x=1#frag"],
    ["https://a.com/", "?q=é", "https://a.com/?q=%C3%A9"],
  ])("%s + %s", (destination, search, expected) => expect(withQuery(destination, search)).toBe(expected));
});
