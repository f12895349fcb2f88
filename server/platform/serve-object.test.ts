import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpWithCookie } from "@/server/accounts/test-users";
import { GET, HEAD } from "@/app/api/media/[...key]/route";
import { AppError } from "@/server/errors";
import { db } from "./db";
import { serveObject, STREAMING_CONTENT_TYPES } from "./serve-object";
import { putObject, storage, type ObjectMetadata } from "./storage";

/**
 * The one file-serving policy (serve-object.ts), through app/api/media/[...key]
 * called as Next calls it, over the real store and real sessions, and directly
 * with an `authorize` of the test's own.
 */
const prefix = `media-test/${randomUUID()}`;
const BYTES = Buffer.from("0123456789ABCDEFGHIJ"); // 20 bytes

let owner: { id: string; cookie: string };
let stranger: { id: string; cookie: string };

beforeAll(async () => {
  [owner, stranger] = await Promise.all([signUpWithCookie("Media Tester"), signUpWithCookie("Media Tester")]);
  await Promise.all([
    putObject(`${prefix}/photo.png`, BYTES, { contentType: "image/png", visibility: "public" }),
    putObject(`${prefix}/hashed.webp`, BYTES, { contentType: "image/webp", visibility: "public", immutable: true }),
    putObject(`${prefix}/video/master.m3u8`, Buffer.from("#EXTM3U\n"), { contentType: STREAMING_CONTENT_TYPES.playlist, visibility: "public" }),
    putObject(`${prefix}/video/seg0.ts`, BYTES, { contentType: STREAMING_CONTENT_TYPES.transportStreamSegment, visibility: "public" }),
    putObject(`${prefix}/video/seg0.m4s`, BYTES, { contentType: STREAMING_CONTENT_TYPES.fragmentedMp4Segment, visibility: "public" }),
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
      "cache-control": "public, no-cache",
    });
    expect(response.headers.get("last-modified")).toMatch(/GMT$/);
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
    const unsatisfiable = await request(`${prefix}/clip.mp4`, { range: "bytes=20-" });
    expect(await unsatisfiable.json()).toEqual({ error: { code: "BAD_REQUEST", message: "Requested range is not satisfiable." } });
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
    const lastModified = (await request(`${prefix}/clip.mp4`, {}, "HEAD")).headers.get("last-modified") ?? "";
    expect((await request(`${prefix}/clip.mp4`, { range: "bytes=0-1", "if-range": lastModified })).status).toBe(206);
    expect((await request(`${prefix}/clip.mp4`, { range: "bytes=0-1", "if-range": "Thu, 01 Jan 2015 00:00:00 GMT" })).status).toBe(200);
  });

  it("answers HEAD with the headers and no body, and revalidates with 304", async () => {
    const head = await request(`${prefix}/clip.mp4`, { range: "bytes=1-2" }, "HEAD");
    expect(head.status).toBe(206);
    expect(head.headers.get("content-range")).toBe("bytes 1-2/20");
    expect(head.body).toBeNull();

    const etag = head.headers.get("etag") ?? "";
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, "*"]) {
      const revalidated = await request(`${prefix}/clip.mp4`, { "if-none-match": ifNoneMatch });
      expect(revalidated.status, ifNoneMatch).toBe(304);
      expect(revalidated.headers.get("etag")).toBe(etag);
      expect(revalidated.body).toBeNull();
    }
    expect((await request(`${prefix}/clip.mp4`, { "if-none-match": '"other"' })).status).toBe(200);
  });

  it("caches content-addressed public objects for good, revalidates other public ones", async () => {
    expect((await request(`${prefix}/hashed.webp`)).headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect((await request(`${prefix}/photo.png`)).headers.get("cache-control")).toBe("public, no-cache");
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

  it("locks every file down with a CSP: nothing loads or runs, and a PDF is sandboxed", async () => {
    for (const name of ["photo.png", "clip.mp4", "logo.svg", "page.html", "video/master.m3u8"]) {
      const policy = (await request(`${prefix}/${name}`)).headers.get("content-security-policy") ?? "";
      expect(policy, name).toMatch(/^default-src 'none';/);
      expect(policy, name).toMatch(/(^|; )sandbox$/);
      expect(policy, name).toContain("frame-ancestors 'none'");
    }
    const pdf = (await request(`${prefix}/doc.pdf`)).headers.get("content-security-policy") ?? "";
    expect(pdf).toMatch(/(^|; )sandbox allow-scripts allow-downloads$/);
    expect(pdf).not.toContain("allow-same-origin");
  });

  it("serves HLS playlists and segments: segments in place and by range, the playlist as data", async () => {
    const playlist = await request(`${prefix}/video/master.m3u8`);
    expect(playlist.headers.get("content-type")).toBe("application/vnd.apple.mpegurl");
    expect(playlist.headers.get("content-disposition")).toBe('attachment; filename="master.m3u8"');
    expect(await playlist.text()).toBe("#EXTM3U\n");
    for (const [name, type] of [["seg0.ts", "video/mp2t"], ["seg0.m4s", "video/iso.segment"]]) {
      const segment = await request(`${prefix}/video/${name}`, { range: "bytes=4-7" });
      expect(segment.status, name).toBe(206);
      expect(segment.headers.get("content-type"), name).toBe(type);
      expect(segment.headers.get("content-disposition"), name).toBe(`inline; filename="${name}"`);
      expect(await segment.text(), name).toBe("4567");
    }
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

  it("asks authorize before anything of the file is answered, even a revalidation", async () => {
    const seen: ObjectMetadata[] = [];
    const refused = await serveObject({
      request: new Request("http://localhost/x", { headers: { "if-none-match": "*", range: "bytes=0-1" } }),
      key: `${prefix}/photo.png`,
      store: storage,
      authorize: (object) => {
        seen.push(object);
        throw new AppError("FORBIDDEN", "Not yours.");
      },
    });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: { code: "FORBIDDEN", message: "Not yours." } });
    expect(refused.headers.get("etag")).toBeNull();
    expect(refused.headers.get("cache-control")).toBe("no-store");
    expect(seen.map((object) => object.key)).toEqual([`${prefix}/photo.png`]);
  });

  it("offers a download under the caller's name, which cannot break out of the header", async () => {
    const answer = (fileName: string, download = false) =>
      serveObject({ request: new Request("http://localhost/x"), key: `${prefix}/photo.png`, store: storage, authorize: () => undefined, fileName, download });
    expect((await answer("holiday.png", true)).headers.get("content-disposition")).toBe('attachment; filename="holiday.png"');
    expect((await answer('a"b\\c.png')).headers.get("content-disposition")).toBe('inline; filename="abc.png"');
    expect((await answer("Été à Zürich.png")).headers.get("content-disposition")).toBe(
      "inline; filename=\"_t_ _ Z_rich.png\"; filename*=UTF-8''%C3%89t%C3%A9%20%C3%A0%20Z%C3%BCrich.png",
    );
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
