import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as avatar } from "@/app/api/accounts/avatar/route";
import { POST as attachments } from "@/app/api/chat/attachments/route";
import { GET as stats } from "@/app/api/stats/[code]/route";
import { GET as trpcGet, POST as trpc } from "@/app/api/trpc/[trpc]/route";
import { signUpWithCookie } from "@/server/accounts/test-users";
import { appUrl } from "@/server/env";
import { getLinkCache } from "@/server/links/redirect/link-cache";
import { hotPathRedis } from "@/server/links/hot-path-redis";
import { createTestApiKey } from "@/server/links/links-test-kit";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { listenLocally, type LocalHttpServer } from "@/server/testing/local-http-server";
import { answerBeforeNext } from "./listener";

/**
 * The request guard, the declared body types and the limits before parsing,
 * through the self-hosted listener (a stand-in for Next answers 299) and the
 * Next route handlers, with real sessions. The chat send's own cases are in
 * server/chat/messages/send-message-route.test.ts.
 */
let server: LocalHttpServer;
let base: string;
let person: { id: string; cookie: string };

beforeAll(async () => {
  server = await listenLocally((request, response) => answerBeforeNext(request, response, () => response.writeHead(299).end()));
  base = server.base;
  person = await signUpWithCookie("Guarded Person");
});

afterAll(async () => {
  await server.close();
  await getLinkCache({ db, redis }).close();
  hotPathRedis().disconnect();
  redis.disconnect();
  await db.$disconnect();
});

const own = new URL(appUrl).origin;
const foreign = "https://attacker.example";
const json = (value: unknown) => JSON.stringify(value);

describe("POST /api/shorten before Next", () => {
  const shorten = (headers: Record<string, string>) =>
    fetch(`${base}/api/shorten`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: json({ url: "https://example.com/guarded" }) });

  it("refuses a session's create from another origin or another port of this host (403), and passes it without Origin or from its own", async () => {
    const refused = await shorten({ cookie: person.cookie, origin: foreign });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "FORBIDDEN", message: expect.stringContaining("another site") } });
    expect((await shorten({ cookie: person.cookie, origin: "http://127.0.0.1:1" })).status).toBe(403);
    expect((await shorten({ cookie: person.cookie, "sec-fetch-site": "same-site" })).status).toBe(403);
    expect((await shorten({ cookie: person.cookie })).status).toBe(201);
    expect((await shorten({ cookie: person.cookie, origin: base })).status).toBe(201);
  });

  it("keeps an API key usable from anywhere, and an anonymous create too", async () => {
    const key = await createTestApiKey(person.id);
    expect((await shorten({ authorization: `Bearer ${key}`, origin: foreign, cookie: person.cookie })).status).toBe(201);
    expect((await shorten({ origin: foreign })).status).toBe(201);
  });

  it("refuses a body that is not JSON with 415 before reading it", async () => {
    const form = await fetch(`${base}/api/shorten`, { method: "POST", headers: { "content-type": "text/plain" }, body: json({ url: "https://example.com/x" }) });
    expect(form.status).toBe(415);
    expect(await form.json()).toMatchObject({ error: { code: "UNSUPPORTED_MEDIA_TYPE", message: expect.stringContaining("application/json") } });
  });
});

describe("malformed percent-encoding in the path", () => {
  it("answers 400 before Next, on a route's path and on any other", async () => {
    for (const path of ["/%E0%A4%A", "/api/chat/conversations/%E0%A4%A/messages", "/links/%ZZ"]) {
      const response = await fetch(base + path);
      expect(response.status, path).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: "BAD_REQUEST" } });
    }
    expect((await fetch(`${base}/links/%20ok`)).status).toBe(299);
  });

  it("answers 400 through a Next route handler too", async () => {
    expect((await stats(new Request("http://localhost/api/stats/%E0%A4%A", { headers: { cookie: person.cookie } }))).status).toBe(400);
  });
});

describe("uploads accept only their declared content types", () => {
  const png = () => sharp({ create: { width: 8, height: 8, channels: 3, background: "#888" } }).png().toBuffer();
  const upload = (route: (request: Request) => Promise<Response>, path: string, contentType: string, headers: Record<string, string> = {}) =>
    png().then((bytes) =>
      route(new Request(`http://localhost${path}`, { method: "POST", headers: { cookie: person.cookie, "content-type": contentType, ...headers }, body: new Uint8Array(bytes) })),
    );

  it("avatar: an image passes, a form or text body is 415", async () => {
    expect((await upload(avatar, "/api/accounts/avatar", "image/png")).status).toBe(200);
    expect((await upload(avatar, "/api/accounts/avatar", "text/plain")).status).toBe(415);
    expect((await upload(avatar, "/api/accounts/avatar", "multipart/form-data; boundary=x")).status).toBe(415);
  });

  it("avatar and chat attachments refuse another origin (403)", async () => {
    expect((await upload(avatar, "/api/accounts/avatar", "image/png", { origin: "http://localhost:1" })).status).toBe(403);
    expect((await upload(attachments, "/api/chat/attachments?conversationId=x", "image/png", { origin: foreign })).status).toBe(403);
  });

  it("chat attachments: a form submission is 415", async () => {
    expect((await upload(attachments, "/api/chat/attachments?conversationId=x", "application/x-www-form-urlencoded")).status).toBe(415);
  });
});

describe("tRPC", () => {
  const mutation = (headers: Record<string, string>, body: BodyInit = json({ json: { url: "https://example.com/via-trpc" } }), path = "links.create") =>
    trpc(new Request(`http://localhost/api/trpc/${path}`, { method: "POST", headers: { cookie: person.cookie, "content-type": "application/json", ...headers }, body }));

  it("refuses a mutation from another origin (403) and runs it from the app's own", async () => {
    const refused = await mutation({ origin: foreign });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
    expect((await mutation({ origin: "http://localhost:1" })).status).toBe(403);
    expect((await mutation({ origin: own })).status).toBe(200);
  });

  it("refuses a mutation that is not JSON (415): a form could otherwise post one", async () => {
    expect((await mutation({ origin: own, "content-type": "text/plain" })).status).toBe(415);
    expect((await mutation({ origin: own, "content-type": "multipart/form-data; boundary=x" }, "--x--")).status).toBe(415);
  });

  it("caps the body at 1 MB (413) and a batch at 10 calls (400)", async () => {
    const huge = await mutation({ origin: own }, json({ json: { url: `https://example.com/${"x".repeat(1024 * 1024)}` } }));
    expect(huge.status).toBe(413);
    const calls = Array.from({ length: 11 }, () => "system.homeStats").join(",");
    const batch = await trpcGet(new Request(`http://localhost/api/trpc/${calls}?batch=1&input={}`));
    expect(batch.status).toBe(400);
    expect(await batch.json()).toMatchObject({ error: { message: "A batch may hold at most 10 calls; this one has 11." } });
  });
});
