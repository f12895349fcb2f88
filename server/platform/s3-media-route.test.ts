import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startS3TestServer } from "./s3-test-server";

/**
 * The deployed path with S3 configured: S3_* in the environment makes
 * storage.ts choose the S3 store, and app/api/media/[...key] serves what it
 * holds under serve-object.ts's policy (Range, ETag, 304, owner checks).
 */
const server = await startS3TestServer();
process.env.S3_BUCKET = server.settings.bucket;
process.env.S3_ENDPOINT = server.settings.endpoint;
process.env.S3_ACCESS_KEY_ID = server.settings.accessKeyId;
process.env.S3_SECRET_ACCESS_KEY = server.settings.secretAccessKey;
process.env.S3_FORCE_PATH_STYLE = "true";
const { GET, HEAD } = await import("@/app/api/media/[...key]/route");
const { signUpWithCookie } = await import("@/server/accounts/test-users");
const { db } = await import("./db");
const { putObject } = await import("./storage");

const BYTES = Buffer.from("0123456789ABCDEFGHIJ"); // 20 bytes
let owner: { id: string; cookie: string };
let stranger: { id: string; cookie: string };

beforeAll(async () => {
  [owner, stranger] = await Promise.all([signUpWithCookie("S3 Media Tester"), signUpWithCookie("S3 Media Tester")]);
  await putObject("s3-media/clip.mp4", BYTES, { contentType: "video/mp4", visibility: "public" });
  await putObject("s3-media/private.png", BYTES, { contentType: "image/png", ownerId: owner.id });
});
afterAll(async () => {
  await db.$disconnect();
  await server.close();
});

function request(key: string, headers: Record<string, string> = {}, method: "GET" | "HEAD" = "GET"): Promise<Response> {
  return (method === "GET" ? GET : HEAD)(new Request(`http://localhost/api/media/${key}`, { method, headers }), { params: Promise.resolve({ key: key.split("/") }) });
}

describe("GET /api/media/[...key] with the S3 store", () => {
  it("stores through S3, not on disk", async () => {
    // The server reports creations over IPC, which may trail its HTTP answers.
    await expect.poll(() => server.creations.map((creation) => creation.key)).toEqual(["s3-media/clip.mp4", "s3-media/private.png"]);
  });

  it("serves the whole object with S3's ETag as a strong validator", async () => {
    const response = await request("s3-media/clip.mp4");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("video/mp4");
    expect(response.headers.get("content-length")).toBe("20");
    expect(response.headers.get("etag")).toMatch(/^"[0-9a-f]{32}"$/);
    expect(response.headers.get("last-modified")).toMatch(/GMT$/);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(BYTES);
  });

  it("serves byte ranges with 206, and 416 for one outside the object", async () => {
    const partial = await request("s3-media/clip.mp4", { range: "bytes=15-400" });
    expect(partial.status).toBe(206);
    expect(partial.headers.get("content-range")).toBe("bytes 15-19/20");
    expect(partial.headers.get("content-length")).toBe("5");
    expect(await partial.text()).toBe("FGHIJ");
    const outside = await request("s3-media/clip.mp4", { range: "bytes=20-" });
    expect(outside.status).toBe(416);
    expect(outside.headers.get("content-range")).toBe("bytes */20");
  });

  it("revalidates with 304 and keeps a range only for the current version (If-Range)", async () => {
    const etag = (await request("s3-media/clip.mp4", {}, "HEAD")).headers.get("etag") ?? "";
    const revalidated = await request("s3-media/clip.mp4", { "if-none-match": etag });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body).toBeNull();
    expect((await request("s3-media/clip.mp4", { range: "bytes=0-1", "if-range": etag })).status).toBe(206);
    expect((await request("s3-media/clip.mp4", { range: "bytes=0-1", "if-range": '"stale"' })).status).toBe(200);
  });

  it("serves a private object to its owner only, from the owner kept in S3 metadata", async () => {
    expect((await request("s3-media/private.png")).status).toBe(401);
    expect((await request("s3-media/private.png", { cookie: stranger.cookie })).status).toBe(403);
    const mine = await request("s3-media/private.png", { cookie: owner.cookie });
    expect(mine.status).toBe(200);
    expect(mine.headers.get("cache-control")).toBe("private, no-cache");
    expect(Buffer.from(await mine.arrayBuffer())).toEqual(BYTES);
  });
});
