import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { CLICK_STREAM } from "../analytics/click-events";
import { createLink } from "../manage/create-link";
import { hotPathRedis } from "../hot-path-redis";
import { getLinkCache } from "./link-cache";
import { DESKTOP_UA } from "../links-test-kit";
import { MAX_PASSWORD_FORM_BYTES, readPasswordForm } from "./read-password-form";
import { FetchWebRequest } from "@/server/web/fetch-request";
import { proxyRoute } from "@/server/web/next-route";

afterAll(async () => {
  await getLinkCache({ db, redis }).close();
  hotPathRedis().disconnect();
  redis.disconnect();
  await db.$disconnect();
});

/** A form of exactly `bytes` bytes whose password is right: only the cap can refuse it. */
function formOf(bytes: number, password: string): string {
  const head = `password=${password}&pad=`;
  return head + "x".repeat(bytes - head.length);
}

/** A body stream with no declared length, as a client that sends none (or lies) would. */
function webStream(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({
    start(controller) {
      for (let at = 0; at < bytes.length; at += 1000) controller.enqueue(bytes.slice(at, at + 1000));
      controller.close();
    },
  });
}

const postForm = (body: BodyInit | null, length?: number) =>
  new Request("http://localhost/abc1234", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...(length ? { "content-length": String(length) } : {}) },
    body,
    duplex: "half",
  } as RequestInit);

describe("readPasswordForm", () => {
  it("reads a form up to the cap", async () => {
    const form = formOf(MAX_PASSWORD_FORM_BYTES, "letmein");
    expect((await readPasswordForm(new FetchWebRequest(postForm(webStream(form))))).get("password")).toBe("letmein");
    expect((await readPasswordForm(new FetchWebRequest(postForm(form, form.length)))).get("password")).toBe("letmein");
    expect((await readPasswordForm(new FetchWebRequest(postForm(null)))).get("password")).toBeNull();
  });

  it("refuses one byte more, by declared length or while streaming", async () => {
    const form = formOf(MAX_PASSWORD_FORM_BYTES + 1, "letmein");
    expect((await readPasswordForm(new FetchWebRequest(postForm(webStream(form), form.length)))).get("password")).toBeNull();
    expect((await readPasswordForm(new FetchWebRequest(postForm(webStream(form))))).get("password")).toBeNull();
  });
});

describe("the short-link row on Vercel (proxy.ts runs it)", () => {
  it("answers an oversized form like a wrong password, counting no click", async () => {
    const link = await createLink({ db, cache: getLinkCache({ db, redis }), ownerId: null, input: { url: "https://example.com/capped", password: "letmein" } });
    const route = proxyRoute("/:code");
    const post = (body: BodyInit, length?: number) =>
      route(
        new Request(`http://localhost/${link.code}`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", "user-agent": DESKTOP_UA, ...(length ? { "content-length": String(length) } : {}) },
          body,
          duplex: "half",
        } as RequestInit),
      );

    const declared = formOf(MAX_PASSWORD_FORM_BYTES + 1, "letmein");
    const refused = await post(declared, declared.length);
    expect(refused?.status).toBe(401);
    expect(await refused?.text()).toContain("That password is not right");
    expect((await post(webStream(formOf(64 * 1024, "letmein"))))?.status).toBe(401);
    const events = await redis.xrange(CLICK_STREAM, "-", "+");
    expect(events.some(([, fields]) => fields.join(" ").includes(link.id))).toBe(false);
  });

  it("answers hits and leaves misses of GET and HEAD to the pages (app/[code])", async () => {
    const link = await createLink({ db, cache: getLinkCache({ db, redis }), ownerId: null, input: { url: "https://example.com/proxied" } });
    const route = proxyRoute("/:code");
    const visit = (path: string, method = "GET") => route(new Request(`http://localhost${path}`, { method, headers: { "user-agent": DESKTOP_UA } }));

    const hit = await visit(`/${link.code}`);
    expect(hit?.status).toBe(302);
    expect(hit?.headers.get("location")).toBe("https://example.com/proxied");
    expect(await visit("/no-such-link-here")).toBeNull();
    expect(await visit("/no-such-link-here", "HEAD")).toBeNull();
    expect(await visit("/feed")).toBeNull();
    expect(await visit("/api/health")).toBeNull();
    const postedToMissing = await visit("/no-such-link-here", "POST");
    expect(postedToMissing?.status).toBe(404);
    expect(await postedToMissing?.text()).toContain("This short link does not exist");
  });
});
