import fs from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

/** A build folder of this file's own: the route serves NEXT_DIST_DIR/static, read when the module loads. */
const distDir = await vi.hoisted(async () => {
  const [{ mkdtempSync }, { tmpdir }, { join }] = await Promise.all([import("node:fs"), import("node:os"), import("node:path")]);
  const made = mkdtempSync(join(tmpdir(), "casebook-static-"));
  process.env.NEXT_DIST_DIR = made;
  return made;
});

const { db } = await import("@/server/platform/db");
const { redis } = await import("@/server/platform/redis");
const { listenLocally } = await import("@/server/testing/local-http-server");
const { answerBeforeNext } = await import("./listener");

/**
 * Next's build output served by the self-hosted listener before Next
 * (server/web/static-files.ts), through the listener exactly as main.ts wires
 * it, with a stand-in for Next that answers 299.
 */
let server: Awaited<ReturnType<typeof listenLocally>>;
const script = `${"export const chunk = 'watch page';\n".repeat(400)}`;

beforeAll(async () => {
  await fs.mkdir(path.join(distDir, "static", "chunks"), { recursive: true });
  await fs.mkdir(path.join(distDir, "static", "media"), { recursive: true });
  await fs.writeFile(path.join(distDir, "static", "chunks", "0abc_def.js"), script);
  await fs.writeFile(path.join(distDir, "static", "chunks", "tiny.js"), "1");
  await fs.writeFile(path.join(distDir, "static", "media", "font.0x1.woff2"), Buffer.alloc(2_000, 7));
  // Beside static/, not in it: what a path traversal would be after.
  await fs.writeFile(path.join(distDir, "secret.json"), '{"secret":true}');
  server = await listenLocally((request, response) =>
    answerBeforeNext(request, response, () => {
      response.writeHead(299);
      response.end();
    }),
  );
});

afterAll(async () => {
  await server.close();
  await fs.rm(distDir, { recursive: true, force: true });
  redis.disconnect();
  await db.$disconnect();
});

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** A raw request: the path as written (no URL normalisation) and the bytes as sent (no automatic decompression). */
function request(requestPath: string, headers: Record<string, string> = {}, method = "GET"): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(`${server.base}${requestPath}`, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    outgoing.on("error", reject);
    // Set after the URL so that "/../" is sent as written.
    outgoing.path = requestPath;
    outgoing.end();
  });
}

describe("Next's static files, before Next", () => {
  it("sends a script brotli-compressed, cached for a year, with its type, ETag and the house security headers", async () => {
    const response = await request("/_next/static/chunks/0abc_def.js", { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(response.status).toBe(200);
    expect(response.headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync(response.body).toString()).toBe(script);
    expect(response.body.byteLength).toBeLessThan(script.length / 10);
    expect(response.headers["content-type"]).toBe("application/javascript; charset=utf-8");
    expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(response.headers["vary"]).toBe("Accept-Encoding");
    expect(response.headers["etag"]).toMatch(/^"[\w-]{22}-br"$/);
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it("sends gzip to a client without brotli, the file itself to one that accepts neither", async () => {
    const gzipped = await request("/_next/static/chunks/0abc_def.js", { "accept-encoding": "gzip, br;q=0" });
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gzipped.body).toString()).toBe(script);
    expect(gzipped.headers["etag"]).toMatch(/-gz"$/);

    const plain = await request("/_next/static/chunks/0abc_def.js");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
    expect(plain.headers["content-length"]).toBe(String(script.length));
    // Each representation has a validator of its own.
    expect(new Set([plain.headers["etag"], gzipped.headers["etag"]]).size).toBe(2);
  });

  it("keeps each file in memory after its first request: the disk is not read again", async () => {
    const file = path.join(distDir, "static", "chunks", "kept.js");
    await fs.writeFile(file, "export const version = 1;\n".repeat(50));
    const first = await request("/_next/static/chunks/kept.js", { "accept-encoding": "br" });
    await fs.writeFile(file, "export const version = 2;\n".repeat(50));
    const second = await request("/_next/static/chunks/kept.js", { "accept-encoding": "br" });
    expect(second.body.equals(first.body)).toBe(true);
    expect(zlib.brotliDecompressSync(second.body).toString()).toContain("version = 1");
  });

  it("answers 304 to the ETag the client holds, the file to any other", async () => {
    const first = await request("/_next/static/chunks/0abc_def.js", { "accept-encoding": "br" });
    const etag = String(first.headers["etag"]);
    const again = await request("/_next/static/chunks/0abc_def.js", { "accept-encoding": "br", "if-none-match": `"other", W/${etag}` });
    expect(again.status).toBe(304);
    expect(again.body.byteLength).toBe(0);
    expect(again.headers["etag"]).toBe(etag);
    expect(again.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const stale = await request("/_next/static/chunks/0abc_def.js", { "accept-encoding": "br", "if-none-match": '"an-older-build"' });
    expect(stale.status).toBe(200);
  });

  it("answers HEAD with the headers and no body", async () => {
    const response = await request("/_next/static/chunks/0abc_def.js", {}, "HEAD");
    expect(response.status).toBe(200);
    expect(response.headers["content-length"]).toBe(String(script.length));
    expect(response.body.byteLength).toBe(0);
  });

  it("sends fonts and pictures as they are, and a tiny script uncompressed", async () => {
    const font = await request("/_next/static/media/font.0x1.woff2", { "accept-encoding": "br, gzip" });
    expect(font.status).toBe(200);
    expect(font.headers["content-type"]).toBe("font/woff2");
    expect(font.headers["content-encoding"]).toBeUndefined();
    expect(font.headers["vary"]).toBeUndefined();
    expect(font.body.equals(Buffer.alloc(2_000, 7))).toBe(true);

    const tiny = await request("/_next/static/chunks/tiny.js", { "accept-encoding": "br" });
    expect(tiny.headers["content-encoding"]).toBeUndefined();
    expect(tiny.body.toString()).toBe("1");
  });

  it("answers 404 for a file or folder that does not exist, and for every way out of static/", async () => {
    for (const missing of ["/_next/static/chunks/nothing.js", "/_next/static/nowhere/0abc_def.js", "/_next/static/chunks/.hidden"]) {
      const response = await request(missing, { "accept-encoding": "br" });
      expect(response.status, missing).toBe(404);
      expect(response.headers["cache-control"], missing).toBe("no-store");
      expect(JSON.parse(response.body.toString()), missing).toEqual({ error: { code: "NOT_FOUND", message: "There is no such file." } });
    }
    for (const escape of ["/_next/static/../secret.json", "/_next/static/%2e%2e/secret.json", "/_next/static/chunks/..%2F..%2Fsecret.json", "/_next/static/chunks/%2e%2e"]) {
      const response = await request(escape);
      expect(response.status, escape).toBe(404);
      expect(response.body.toString(), escape).not.toContain("secret");
    }
  });

  it("leaves other paths under /_next to Next", async () => {
    for (const other of ["/_next/static/x.js", "/_next/static/chunks/app/page.js", "/_next/image?url=%2Fa.png&w=64&q=75"]) {
      expect((await request(other)).status, other).toBe(299);
    }
    expect((await request("/_next/static/chunks/0abc_def.js", {}, "POST")).status).toBe(299);
  });
});
