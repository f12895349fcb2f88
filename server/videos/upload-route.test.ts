import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import { Metadata } from "@tus/utils";
import { Queue } from "bullmq";
import { afterAll, describe, expect, it } from "vitest";
import { signUpWithCookie } from "@/server/accounts/test-users";
import { env } from "@/server/env";
import { processors } from "@/server/jobs/processors";
import { db } from "@/server/platform/db";
import { JOB_PREFIX } from "@/server/platform/queue";
import { createRedis, redis } from "@/server/platform/redis";
import { storage } from "@/server/platform/storage";
import { FetchWebRequest } from "@/server/web/fetch-request";
import { runRoute } from "@/server/web/route";
import { RouteTable } from "@/server/web/route-table";
import { ROUTES } from "@/server/web/routes";
import { uploadPartsPrefix } from "./uploads/upload-parts";
import { sourceKey } from "./video-files";
import { makeTestVideo } from "./video-test-kit";

/**
 * The tus endpoint through the route table, as the listener runs it (guard,
 * body type, handler): the first half of the validation chain in order
 * (415, 413, 403), a resumed upload stitched and transcoded by the job, the
 * creation's metadata in HEAD, and a cancelled one.
 */
const connection = createRedis();
const transcodeQueue = new Queue("transcode-video", { connection, prefix: JOB_PREFIX });

afterAll(async () => {
  await transcodeQueue.close();
  connection.disconnect();
  redis.disconnect();
  await db.$disconnect();
});

const table = new RouteTable(ROUTES);

async function call(method: string, path: string, headers: Record<string, string>, body?: Buffer) {
  const request = new FetchWebRequest(new Request(`http://localhost${path}`, { method, headers: { "tus-resumable": "1.0.0", ...headers }, body: body ? new Uint8Array(body) : undefined }));
  const match = table.match(method, path);
  if (!match) throw new Error(`no route for ${method} ${path}`);
  request.params = match.params;
  const answer = await runRoute(match.route, request);
  const text = answer.body instanceof Uint8Array ? Buffer.from(answer.body).toString("utf8") : String(answer.body ?? "");
  return { status: answer.status, headers: answer.headers ?? {}, text };
}

function metadata(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([key, value]) => `${key} ${Buffer.from(value).toString("base64")}`)
    .join(",");
}

function create(cookie: string, fileName: string, size: number, fileType = "video/mp4") {
  return call("POST", "/api/videos/uploads", { cookie, "upload-length": String(size), "upload-metadata": metadata({ filename: fileName, filetype: fileType, title: "My clip", tags: '["test"]', visibility: "public" }) });
}

describe("tus uploads", { timeout: 90_000 }, () => {
  it("refuses in PeerTube's order: type/extension 415, size 413, quota 403, and an empty file", async () => {
    const person = await signUpWithCookie("Uploader");
    expect((await create(person.cookie, "notes.txt", 100, "text/plain")).status).toBe(415);
    expect((await create(person.cookie, "clip.mp4", 100, "image/png")).status).toBe(415);
    // Too large and of the wrong type: the type is said first.
    expect((await create(person.cookie, "huge.txt", env.VIDEO_MAX_UPLOAD_BYTES + 1, "text/plain")).status).toBe(415);
    expect((await create(person.cookie, "huge.mp4", env.VIDEO_MAX_UPLOAD_BYTES + 1)).status).toBe(413);
    expect((await create(person.cookie, "empty.mp4", 0)).status).toBe(400);

    // Nearly at quota: an upload that fits the size limit but not the quota is 403; an oversized one is still 413.
    await db.video.create({
      data: { id: `q${Date.now()}`, ownerId: person.id, title: "Big", status: "ready", sourceName: "big.mp4", sourceType: "video/mp4", sourceBytes: BigInt(env.VIDEO_QUOTA_BYTES - 1000) },
    });
    const overQuota = await create(person.cookie, "clip.mp4", 2000);
    expect(overQuota.status).toBe(403);
    expect(JSON.parse(overQuota.text).error.message).toMatch(/quota/);
    expect((await create(person.cookie, "huge.mp4", env.VIDEO_MAX_UPLOAD_BYTES + 1)).status).toBe(413);
    expect((await create(person.cookie, "clip.mp4", 500)).status).toBe(201);
    expect(await db.video.count({ where: { ownerId: person.id } })).toBe(2);
  });

  it("resumes an interrupted upload where the server says it stopped; the finish leaves the parts to the job, which stitches and transcodes them", async () => {
    const person = await signUpWithCookie("Resumer");
    const file = await fs.readFile(await makeTestVideo({ width: 160, height: 90, seconds: 1 }));
    const created = await create(person.cookie, "clip.mp4", file.length);
    expect(created.status).toBe(201);
    const location = created.headers.Location ?? created.headers.location ?? "";
    expect(location).toMatch(/^\/api\/videos\/uploads\/[0-9a-f]{24}$/);
    const videoId = location.split("/").at(-1) as string;
    expect(await db.video.findUniqueOrThrow({ where: { id: videoId } })).toMatchObject({ status: "uploading", title: "My clip", tags: ["test"], ownerId: person.id });

    const half = Math.floor(file.length / 2);
    const chunk = { cookie: person.cookie, "content-type": "application/offset+octet-stream" };
    expect((await call("PATCH", location, { ...chunk, "upload-offset": "0" }, file.subarray(0, half))).status).toBe(204);
    // The connection dropped; the client asks how far it got and goes on from there.
    const head = await call("HEAD", location, { cookie: person.cookie });
    expect(head.headers["upload-offset"] ?? head.headers["Upload-Offset"]).toBe(String(half));
    // Someone else cannot look at, add to or cancel it.
    const other = await signUpWithCookie("Other");
    expect((await call("HEAD", location, { cookie: other.cookie })).status).toBe(404);
    expect((await call("PATCH", location, { ...chunk, cookie: other.cookie, "upload-offset": String(half) }, file.subarray(half))).status).toBe(404);

    expect((await call("PATCH", location, { ...chunk, "upload-offset": String(half) }, file.subarray(half))).status).toBe(204);
    // The request that took the last byte only moved the video on: its parts wait for the worker.
    expect((await db.video.findUniqueOrThrow({ where: { id: videoId } })).status).toBe("processing");
    expect(await storage.statObject(sourceKey(videoId))).toBeNull();
    expect(await storage.listObjects(uploadPartsPrefix(videoId))).toHaveLength(2);

    await processors["transcode-video"]({ videoId }, { timestamp: Date.now() });
    expect((await db.video.findUniqueOrThrow({ where: { id: videoId } })).status).toBe("ready");
    const source = Buffer.from(await new Response((await storage.getObject(sourceKey(videoId))).body).arrayBuffer());
    expect(createHash("sha256").update(source).digest("hex")).toBe(createHash("sha256").update(file).digest("hex"));
    expect(await storage.listObjects(uploadPartsPrefix(videoId))).toEqual([]);
  });

  it("answers HEAD with the creation's Upload-Metadata, before and after the last byte", async () => {
    const person = await signUpWithCookie("Metadata");
    const created = await create(person.cookie, "Holiday clip.mp4", 10);
    const location = created.headers.Location ?? created.headers.location ?? "";
    const metadataOf = async () => Metadata.parse((await call("HEAD", location, { cookie: person.cookie })).headers["upload-metadata"]);
    expect(await metadataOf()).toEqual({ filename: "Holiday clip.mp4", filetype: "video/mp4", title: "My clip" });
    expect((await call("PATCH", location, { cookie: person.cookie, "content-type": "application/offset+octet-stream", "upload-offset": "0" }, Buffer.alloc(10))).status).toBe(204);
    expect(await metadataOf()).toEqual({ filename: "Holiday clip.mp4", filetype: "video/mp4", title: "My clip" });
  });

  it("queues the job again on the client's next HEAD when the finish died between moving the video on and queueing it", async () => {
    const person = await signUpWithCookie("Cut finish");
    const created = await create(person.cookie, "clip.mp4", 10);
    const location = created.headers.Location ?? created.headers.location ?? "";
    const videoId = location.split("/").at(-1) as string;
    expect((await call("PATCH", location, { cookie: person.cookie, "content-type": "application/offset+octet-stream", "upload-offset": "0" }, Buffer.alloc(10))).status).toBe(204);
    expect(await transcodeQueue.getJob(videoId)).toMatchObject({ data: { videoId } });
    // What that finish leaves: the video "processing", and no job that would ever stitch it.
    await transcodeQueue.remove(videoId);
    expect(await transcodeQueue.getJob(videoId)).toBeUndefined();

    const head = await call("HEAD", location, { cookie: person.cookie });
    expect(head.headers["upload-offset"]).toBe("10");
    expect(await transcodeQueue.getJob(videoId)).toMatchObject({ data: { videoId } });
    expect((await db.video.findUniqueOrThrow({ where: { id: videoId } })).status).toBe("processing");
  });

  it("cancels: the partial upload and the video are gone", async () => {
    const person = await signUpWithCookie("Canceller");
    const created = await create(person.cookie, "clip.webm", 1000, "video/webm");
    const location = created.headers.Location ?? created.headers.location ?? "";
    await call("PATCH", location, { cookie: person.cookie, "content-type": "application/offset+octet-stream", "upload-offset": "0" }, Buffer.alloc(300));
    expect((await call("DELETE", location, { cookie: person.cookie })).status).toBe(204);
    expect(await db.video.count({ where: { ownerId: person.id } })).toBe(0);
    expect((await call("HEAD", location, { cookie: person.cookie })).status).toBe(404);
  });

  it("needs a session, and refuses a form posted from another site", async () => {
    expect((await create("", "clip.mp4", 100)).status).toBe(401);
    const person = await signUpWithCookie("Guarded");
    const forged = await call("POST", "/api/videos/uploads", { cookie: person.cookie, origin: "https://evil.example", "upload-length": "100", "upload-metadata": metadata({ filename: "a.mp4", title: "x" }) });
    expect(forged.status).toBe(403);
  });
});
