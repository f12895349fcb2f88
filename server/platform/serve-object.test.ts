import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpWithCookie } from "@/server/accounts/test-users";
import { GET, HEAD } from "@/app/api/media/[...key]/route";
import { db } from "./db";
import { putObject } from "./storage";

/** app/api/media/[...key]/route.ts, called as Next calls it, over the real store and real sessions. */
const prefix = `media-test/${randomUUID()}`;
const BYTES = Buffer.from("0123456789ABCDEFGHIJ"); // 20 bytes

let owner: { id: string; cookie: string };
let stranger: { id: string; cookie: string };

beforeAll(async () => {
  [owner, stranger] = await Promise.all([signUpWithCookie("Media Tester"), signUpWithCookie("Media Tester")]);
  await Promise.all([
    putObject(`${prefix}/photo.png`, BYTES, { contentType: "image/png", visibility: "public" }),
    putObject(`${prefix}/clip.mp4`, BYTES, { contentType: "video/mp4", visibility: "public" }),
    putObject(`${prefix}/doc.pdf`, BYTES, { contentType: "application/pdf", visibility: "public" }),
    putObject(`${prefix}/logo.svg`, Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"), { contentType: "image/svg+xml", visibility: "public" }),
    putObject(`${prefix}/page.html`, Buffer.from("<script>alert(1)</script>"), { contentType: "text/html", visibility: "public" }),
    putObject(`${prefix}/private.png`, BYTES, { contentType: "image/png", ownerId: owner.id }),
  ]);
});
afterAll(() => db.$disconnect());

function request(key: string, headers: Record<string, string> = {}, method: "GET" | "HEAD" = "GET"): Promise<Response> {
  const handler = method === "GET" ? GET : HEAD;
  return handler(new Request(`http://localhost/api/media/${key}`, { method, headers }), {
    params: Promise.resolve({ key: key.split("/") }),
  });
}

describe("GET /api/media/[...key]", () => {
  it("serves a whole file with its type, length, validators and safety headers", async () => {
    const response = await request(`${prefix}/photo.png`);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "image/png",
      "content-length": "20",
      "accept-ranges": "bytes",
      "x-content-type-options": "nosniff",
      "content-disposition": 'inline; filename="photo.png"',
      "cache-control": "public, max-age=3600",
    });
    expect(response.headers.get("etag")).toMatch(/^".+"$/);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(BYTES);
  });

  it("serves byte ranges with 206 and Content-Range", async () => {
    const cases: Array<[string, string, string]> = [
      ["bytes=2-5", "bytes 2-5/20", "2345"],
      ["bytes=15-", "bytes 15-19/20", "FGHIJ"],
      ["bytes=-3", "bytes 17-19/20", "HIJ"],
      ["bytes=18-400", "bytes 18-19/20", "IJ"],
      ["bytes=0-0", "bytes 0-0/20", "0"],
    ];
    for (const [range, contentRange, body] of cases) {
      const response = await request(`${prefix}/clip.mp4`, { range });
      expect(response.status, range).toBe(206);
      expect(response.headers.get("content-range"), range).toBe(contentRange);
      expect(response.headers.get("content-length"), range).toBe(String(body.length));
      expect(response.headers.get("accept-ranges")).toBe("bytes");
      expect(await response.text(), range).toBe(body);
    }
  });

  it("answers 416 with the size for ranges it cannot satisfy", async () => {
    for (const range of ["bytes=20-", "bytes=25-30", "bytes=5-2", "bytes=-0", "bytes=abc", "bytes=-"]) {
      const response = await request(`${prefix}/clip.mp4`, { range });
      expect(response.status, range).toBe(416);
      expect(response.headers.get("content-range"), range).toBe("bytes */20");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });

  it("serves the whole file for ranges it may ignore (other units, several ranges, stale If-Range)", async () => {
    const ignorable: Array<Record<string, string>> = [{ range: "items=0-1" }, { range: "bytes=0-1,5-6" }, { range: "bytes=0-1", "if-range": '"stale"' }];
    for (const headers of ignorable) {
      const response = await request(`${prefix}/clip.mp4`, headers);
      expect(response.status, JSON.stringify(headers)).toBe(200);
      expect(await response.text()).toBe(BYTES.toString());
    }
    const etag = (await request(`${prefix}/clip.mp4`, {}, "HEAD")).headers.get("etag") ?? "";
    const current = await request(`${prefix}/clip.mp4`, { range: "bytes=0-1", "if-range": etag });
    expect(current.status).toBe(206);
  });

  it("answers HEAD with the headers and no body, and revalidates with 304", async () => {
    const head = await request(`${prefix}/clip.mp4`, { range: "bytes=1-2" }, "HEAD");
    expect(head.status).toBe(206);
    expect(head.headers.get("content-range")).toBe("bytes 1-2/20");
    expect(head.body).toBeNull();

    const etag = head.headers.get("etag") ?? "";
    const revalidated = await request(`${prefix}/clip.mp4`, { "if-none-match": etag });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("etag")).toBe(etag);
  });

  it("renders only images, video and PDF in place; SVG and everything else download", async () => {
    const disposition = async (name: string) => (await request(`${prefix}/${name}`)).headers.get("content-disposition");
    expect(await disposition("photo.png")).toBe('inline; filename="photo.png"');
    expect(await disposition("clip.mp4")).toBe('inline; filename="clip.mp4"');
    expect(await disposition("doc.pdf")).toBe('inline; filename="doc.pdf"');
    expect(await disposition("logo.svg")).toBe('attachment; filename="logo.svg"');
    expect(await disposition("page.html")).toBe('attachment; filename="page.html"');

    const svg = await request(`${prefix}/logo.svg`);
    expect(svg.headers.get("x-content-type-options")).toBe("nosniff");
    expect(svg.headers.get("content-security-policy")).toContain("sandbox");
  });

  it("serves private files to their owner only", async () => {
    const key = `${prefix}/private.png`;
    const anonymous = await request(key);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: { code: "UNAUTHORIZED", message: "Sign in to view this file." } });

    expect((await request(key, { cookie: stranger.cookie })).status).toBe(403);
    expect((await request(key, { cookie: stranger.cookie, range: "bytes=0-1" })).status).toBe(403);

    const mine = await request(key, { cookie: owner.cookie });
    expect(mine.status).toBe(200);
    expect(mine.headers.get("cache-control")).toBe("private, no-cache");
    expect(Buffer.from(await mine.arrayBuffer())).toEqual(BYTES);
  });

  it("refuses keys that try to leave the store, and 404s missing files", async () => {
    for (const segments of [["..", "..", "etc", "passwd"], ["media-test", "..", "..", "x"], [".env"], ["a", "%2e%2e"]]) {
      const response = await GET(new Request("http://localhost/api/media/x"), { params: Promise.resolve({ key: segments }) });
      expect(response.status, segments.join("/")).toBe(400);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    }
    const missing = await request(`${prefix}/nothing-here.png`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: "NOT_FOUND", message: "File not found." } });
  });
});
