import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Small chunks: a 1 MB file goes up in several PATCHes, as a large one does in 8 MB ones.
vi.hoisted(() => {
  process.env.VIDEO_UPLOAD_CHUNK_BYTES = String(256 * 1024);
});

const { signUpWithCookie } = await import("@/server/accounts/test-users");
const { db } = await import("@/server/platform/db");
const { createLocalDiskStore } = await import("@/server/platform/local-disk-store");
const { createRedis, redis } = await import("@/server/platform/redis");
const { createS3Store } = await import("@/server/platform/s3-store");
const { startS3TestServer } = await import("@/server/platform/s3-test-server");
const { FetchWebRequest } = await import("@/server/web/fetch-request");
const { runRoute } = await import("@/server/web/route");
const { RouteTable } = await import("@/server/web/route-table");
const { ROUTES } = await import("@/server/web/routes");
const { deleteVideo } = await import("../delete-video");
const { createVideoUploadRoute } = await import("../upload-route");
const { sourceKey, videoPrefix } = await import("../video-files");
const { partKey, uploadPartsPrefix } = await import("./upload-parts");
const { stitchUpload } = await import("./stitch-upload");

import type { ObjectStore } from "@/server/platform/storage";
import type { WebRequest } from "@/server/web/request";
import type { Answer } from "@/server/web/answer";

/**
 * Uploads on the shared stores: every instance of the web process keeps an
 * upload's bytes in the object store, its offset in Postgres and its lock in
 * Redis, so an upload resumes through any of them. Run on local disk and on
 * S3 (an S3-protocol server): each "instance" is its own tus server,
 * datastore, store client and Redis connection; they share only Postgres,
 * Redis and the bucket or folder.
 */
const CHUNK = 256 * 1024;
const table = new RouteTable(ROUTES);
const connections: Array<{ disconnect(): void }> = [];
const cleanups: Array<() => Promise<void>> = [];

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  for (const connection of connections) connection.disconnect();
  redis.disconnect();
  await db.$disconnect();
});

type Instance = (request: WebRequest) => Promise<Answer>;

function instance(storage: ObjectStore): Instance {
  const ownRedis = createRedis();
  connections.push(ownRedis);
  return createVideoUploadRoute({ db, storage, redis: ownRedis });
}

async function call(through: Instance, method: string, urlPath: string, headers: Record<string, string>, body?: Buffer | ReadableStream<Uint8Array>) {
  const init: RequestInit & { duplex?: "half" } = { method, headers: { "tus-resumable": "1.0.0", ...headers } };
  if (body instanceof ReadableStream) Object.assign(init, { body, duplex: "half" });
  else if (body) init.body = new Uint8Array(body);
  const request = new FetchWebRequest(new Request(`http://localhost${urlPath}`, init));
  const match = table.match(method, urlPath);
  if (!match) throw new Error(`no route for ${method} ${urlPath}`);
  request.params = match.params;
  const answer = await runRoute({ ...match.route, handler: through }, request);
  const text = answer.body instanceof Uint8Array ? Buffer.from(answer.body).toString("utf8") : String(answer.body ?? "");
  const headerOf = (name: string) => Object.entries(answer.headers ?? {}).find(([key]) => key.toLowerCase() === name)?.[1];
  return { status: answer.status, header: headerOf, text };
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

async function createUpload(through: Instance, cookie: string, size: number): Promise<string> {
  const metadata = [`filename ${Buffer.from("clip.mp4").toString("base64")}`, `filetype ${Buffer.from("video/mp4").toString("base64")}`, `title ${Buffer.from("Shared").toString("base64")}`].join(",");
  const created = await call(through, "POST", "/api/videos/uploads", { cookie, "upload-length": String(size), "upload-metadata": metadata });
  expect(created.status).toBe(201);
  return created.header("location") ?? "";
}

function patch(through: Instance, cookie: string, location: string, offset: number, body: Buffer | ReadableStream<Uint8Array>) {
  return call(through, "PATCH", location, { cookie, "content-type": "application/offset+octet-stream", "upload-offset": String(offset) }, body);
}

async function offsetOf(through: Instance, cookie: string, location: string): Promise<number> {
  const head = await call(through, "HEAD", location, { cookie });
  expect(head.status).toBe(200);
  return Number(head.header("upload-offset"));
}

/** Sends `file` from `from` to its end in chunks of CHUNK through `through`. */
async function sendFrom(through: Instance, cookie: string, location: string, file: Buffer, from: number) {
  for (let offset = from; offset < file.length; offset += CHUNK) {
    expect((await patch(through, cookie, location, offset, file.subarray(offset, offset + CHUNK))).status).toBe(204);
  }
}

/** A body that sends `bytes` and then breaks, as a dropped connection does mid-PATCH. */
function cutOff(bytes: Buffer): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new Uint8Array(bytes));
      controller.error(new Error("connection reset"));
    },
  });
}

const STORES: Array<[string, () => Promise<[ObjectStore, ObjectStore]>]> = [
  [
    "local disk",
    async () => {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), "casebook-shared-uploads-"));
      cleanups.push(() => fs.rm(dir, { recursive: true, force: true }));
      return [createLocalDiskStore(dir), createLocalDiskStore(dir)];
    },
  ],
  [
    "S3",
    async () => {
      const server = await startS3TestServer();
      cleanups.push(() => server.close());
      return [createS3Store(server.settings), createS3Store(server.settings)];
    },
  ],
];

describe.each(STORES)("video uploads on %s", (_name, openStores) => {
  let store: ObjectStore;
  let one: Instance;
  let two: Instance;
  beforeAll(async () => {
    const [first, second] = await openStores();
    store = first;
    one = instance(first);
    two = instance(second);
  });

  /**
   * What the finish leaves (the video "processing", its parts and no source), then what the transcoding job's
   * first step makes of them: the source, and no parts.
   */
  const stitchedSource = async (videoId: string) => {
    const video = await db.video.findUniqueOrThrow({ where: { id: videoId } });
    expect(video.status).toBe("processing");
    expect(await store.statObject(sourceKey(videoId))).toBeNull();
    expect((await store.listObjects(uploadPartsPrefix(videoId))).length).toBeGreaterThan(0);
    expect(await stitchUpload({ db, storage: store, video })).toBe(true);
    expect(await store.listObjects(uploadPartsPrefix(videoId))).toEqual([]);
    return Buffer.from(await new Response((await store.getObject(sourceKey(videoId))).body).arrayBuffer());
  };

  it("resumes after an interrupted PATCH: only the cut-off chunk is lost, and the source is the file byte for byte", { timeout: 60_000 }, async () => {
    const person = await signUpWithCookie("Resumer");
    const file = randomBytes(4 * CHUNK + 1234);
    const location = await createUpload(one, person.cookie, file.length);
    const videoId = location.split("/").at(-1) as string;

    expect((await patch(one, person.cookie, location, 0, file.subarray(0, CHUNK))).status).toBe(204);
    // The connection drops halfway through the second chunk: nothing of it counts.
    expect((await patch(one, person.cookie, location, CHUNK, cutOff(file.subarray(CHUNK, CHUNK + CHUNK / 2)))).status).toBe(400);
    expect(await offsetOf(one, person.cookie, location)).toBe(CHUNK);
    // A PATCH that died after storing its part but before moving the offset: its part stays unused, the offset unmoved.
    await store.putObject(partKey(videoId, CHUNK, CHUNK + 100), file.subarray(CHUNK, CHUNK + 100), { contentType: "application/octet-stream" });
    expect(await offsetOf(one, person.cookie, location)).toBe(CHUNK);
    // A chunk at the wrong offset is refused without a change.
    expect((await patch(one, person.cookie, location, 2 * CHUNK, file.subarray(2 * CHUNK, 3 * CHUNK))).status).toBe(409);

    await sendFrom(one, person.cookie, location, file, CHUNK);
    expect(sha256(await stitchedSource(videoId))).toBe(sha256(file));
    // Retried after the finish (its answer was lost): nothing changes, the client learns every byte is in.
    expect(await offsetOf(two, person.cookie, location)).toBe(file.length);
  });

  it("finishes on the client's next HEAD an upload whose last chunk came to an instance that died before finishing it", { timeout: 60_000 }, async () => {
    const person = await signUpWithCookie("Orphaned finish");
    const file = randomBytes(2 * CHUNK + 10);
    const location = await createUpload(one, person.cookie, file.length);
    const videoId = location.split("/").at(-1) as string;
    await sendFrom(one, person.cookie, location, file.subarray(0, 2 * CHUNK), 0);
    // What the dying instance did with the last chunk: stored it and moved the offset, then nothing.
    await store.putObject(partKey(videoId, 2 * CHUNK, file.length), file.subarray(2 * CHUNK), { contentType: "application/octet-stream" });
    await db.video.update({ where: { id: videoId }, data: { uploadedBytes: BigInt(file.length), lastChunkAt: new Date() } });
    expect((await db.video.findUniqueOrThrow({ where: { id: videoId } })).status).toBe("uploading");

    expect(await offsetOf(two, person.cookie, location)).toBe(file.length);
    expect(sha256(await stitchedSource(videoId))).toBe(sha256(file));
  });

  it("refuses a chunk over VIDEO_UPLOAD_CHUNK_BYTES with a 413 that says so, and keeps the offset", async () => {
    const person = await signUpWithCookie("Big chunk");
    const file = randomBytes(2 * CHUNK);
    const location = await createUpload(one, person.cookie, file.length);
    const refused = await patch(one, person.cookie, location, 0, file.subarray(0, CHUNK + 1));
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.text).error.message).toMatch(/0\.25 MB \(VIDEO_UPLOAD_CHUNK_BYTES\)/);
    expect(await offsetOf(one, person.cookie, location)).toBe(0);
  });

  it("goes on through a second instance: half through one, the rest through the other, the exact bytes", { timeout: 60_000 }, async () => {
    const person = await signUpWithCookie("Two instances");
    const file = randomBytes(5 * CHUNK + 77);
    const location = await createUpload(one, person.cookie, file.length);
    const videoId = location.split("/").at(-1) as string;
    const half = 3 * CHUNK;
    await sendFrom(one, person.cookie, location, file.subarray(0, half), 0);

    expect(await offsetOf(two, person.cookie, location)).toBe(half);
    // The same chunk sent through both at once (a client retrying while its first try still runs): the lock
    // lets one write it, the other finds the offset moved.
    const racing = await Promise.all([one, two].map((through) => patch(through, person.cookie, location, half, file.subarray(half, half + CHUNK))));
    expect(racing.map((answer) => answer.status).sort()).toEqual([204, 409]);

    await sendFrom(two, person.cookie, location, file, half + CHUNK);
    expect(sha256(await stitchedSource(videoId))).toBe(sha256(file));
  });

  it("leaves nothing when an upload is cancelled through another instance, or its video deleted mid-way", { timeout: 60_000 }, async () => {
    const person = await signUpWithCookie("Canceller");
    const cancelled = await createUpload(one, person.cookie, 3 * CHUNK);
    const cancelledId = cancelled.split("/").at(-1) as string;
    await sendFrom(one, person.cookie, cancelled, randomBytes(2 * CHUNK), 0);
    expect(await store.listObjects(uploadPartsPrefix(cancelledId))).toHaveLength(2);
    expect((await call(two, "DELETE", cancelled, { cookie: person.cookie })).status).toBe(204);
    expect(await db.video.count({ where: { id: cancelledId } })).toBe(0);
    expect(await store.listObjects(videoPrefix(cancelledId))).toEqual([]);

    const deleted = await createUpload(one, person.cookie, 3 * CHUNK);
    const deletedId = deleted.split("/").at(-1) as string;
    await sendFrom(two, person.cookie, deleted, randomBytes(CHUNK), 0);
    await deleteVideo({ db, storage: store, ownerId: person.id, videoId: deletedId });
    expect(await store.listObjects(videoPrefix(deletedId))).toEqual([]);
    expect((await patch(one, person.cookie, deleted, CHUNK, randomBytes(CHUNK))).status).toBe(404);
    expect(await store.listObjects(videoPrefix(deletedId))).toEqual([]);
  });
});
