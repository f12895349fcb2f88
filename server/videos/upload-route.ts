import { Server } from "@tus/server";
import { Metadata } from "@tus/utils";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { getSessionUser } from "@/server/platform/auth";
import { db as defaultDb, type Db } from "@/server/platform/db";
import { consume, rateLimitError, rateLimitHeaders } from "@/server/platform/ratelimit";
import { redis as defaultRedis, type Redis } from "@/server/platform/redis";
import { RedisLocker } from "@/server/platform/redis-locker";
import { storage as defaultStorage, type ObjectStore } from "@/server/platform/storage";
import { errorAnswer, type Answer } from "@/server/web/answer";
import type { BodyTypes } from "@/server/web/content-types";
import type { WebRequest } from "@/server/web/request";
import { finishVideoUpload } from "./finish-video-upload";
import { startVideoUpload } from "./start-video-upload";
import { VideoUploadStore } from "./uploads/video-upload-store";
import { VideoDetails } from "./video-fields";

export const UPLOADS_PATH = "/api/videos/uploads";
const LOCK_PREFIX = "casebook:videos:upload-lock:";

/** tus bodies: none (creation, HEAD, DELETE) or the raw bytes of a PATCH. Never a form. */
export const TUS_BODY: BodyTypes = { accepts: (type) => type === "" || type === "application/offset+octet-stream", description: "application/offset+octet-stream" };

/** Video ids chosen by startVideoUpload for the tus creation request in flight (tus asks namingFunction for the id). */
const chosenIds = new WeakMap<Request, string>();

/** What an upload endpoint shares with every other web instance: nothing lives in its process between requests. */
export type VideoUploadDeps = { db: Db; storage: ObjectStore; redis: Redis };

function tusServer({ db, storage, redis }: VideoUploadDeps): Server {
  const datastore = new VideoUploadStore({ db, storage });
  const locker = new RedisLocker(redis, { prefix: LOCK_PREFIX });
  return new Server({
    path: UPLOADS_PATH,
    datastore,
    locker,
    relativeLocation: true,
    maxSize: env.VIDEO_MAX_UPLOAD_BYTES,
    disableTerminationForFinishedUploads: true,
    namingFunction: (request) => {
      const id = chosenIds.get(request as unknown as Request);
      if (!id) throw new AppError("INTERNAL", "tus creation without a video");
      return id;
    },
    // Cheap whatever the upload's size: the worker stitches the parts (finish-video-upload.ts).
    onUploadFinish: async (_request, upload) => {
      await finishVideoUpload({ db, videoId: upload.id });
      return {};
    },
  });
}

/**
 * The tus resumable-upload endpoint (rows of server/web/routes.ts, answered
 * before Next): POST creates an upload (the video, after the first half of
 * the validation chain), HEAD tells how much arrived, PATCH appends, DELETE
 * cancels. Everything runs behind the request guard and a session; an upload
 * is its owner's alone. `@tus/server` speaks the protocol on a Web Request
 * rebuilt from ours, so both transports share it. The bytes and the offset
 * live in storage and Postgres and the lock in Redis, so each request of an
 * upload may reach another instance (`deps` lets a test run two).
 */
export function createVideoUploadRoute(deps: VideoUploadDeps): (request: WebRequest) => Promise<Answer> {
  const tus = tusServer(deps);
  return async (request) => {
    const user = await getSessionUser(request.headers);
    if (!user) throw new AppError("UNAUTHORIZED", "Please sign in to upload videos.");
    const uploadId = request.params.uploadId;
    let rateHeaders: Record<string, string> = {};
    let videoId: string | undefined;

    if (uploadId === undefined) {
      const limit = await consume("upload", user.id);
      if (!limit.allowed) return errorAnswer(rateLimitError(limit), request.path, rateLimitHeaders(limit));
      rateHeaders = rateLimitHeaders(limit);
      videoId = await startVideoUpload({ db: deps.db, request: { ownerId: user.id, ...readCreation(request) } });
    } else {
      const video = await deps.db.video.findFirst({ where: { id: uploadId, ownerId: user.id }, select: { status: true } });
      if (!video) throw new AppError("NOT_FOUND", "No such upload.");
    }

    // Read whole before tus takes the upload's lock, so a slow or stalled client never holds it.
    const body = request.method === "PATCH" ? await readChunk(request) : undefined;
    const tusRequest = new Request(`http://localhost${request.path}${request.search}`, { method: request.method, headers: request.headers, body: body as Uint8Array<ArrayBuffer> | undefined });
    if (videoId) chosenIds.set(tusRequest, videoId);
    // A cancel (DELETE) takes the video with it: VideoUploadStore.remove.
    const response = await tus.handleWeb(tusRequest);
    // Every byte is in but the instance that took the last one died before finishing (or a Vercel function ran
    // out of time): the client's HEAD on resuming finishes it, as tus-js-client takes this answer for done.
    const length = response.headers.get("upload-length");
    if (request.method === "HEAD" && response.status === 200 && uploadId && length !== null && response.headers.get("upload-offset") === length) {
      await finishVideoUpload({ db: deps.db, videoId: uploadId });
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    return {
      status: response.status,
      headers: { ...Object.fromEntries(response.headers.entries()), ...rateHeaders, "Cache-Control": "no-store" },
      // tus answers 204 to PATCH and DELETE: no body at all, not an empty one.
      body: bytes.byteLength > 0 ? bytes : null,
    };
  };
}

let defaultRoute: ((request: WebRequest) => Promise<Answer>) | undefined;

/** The process's endpoint, on its database, store and Redis. */
export function videoUploadRoute(request: WebRequest): Promise<Answer> {
  defaultRoute ??= createVideoUploadRoute({ db: defaultDb, storage: defaultStorage, redis: defaultRedis });
  return defaultRoute(request);
}

/** A PATCH body of at most VIDEO_UPLOAD_CHUNK_BYTES (the browser sends chunks of that size; Vercel takes 4.5 MB at most). */
async function readChunk(request: WebRequest): Promise<Buffer> {
  const limit = env.VIDEO_UPLOAD_CHUNK_BYTES;
  return request.readBody(limit).catch((error: unknown) => {
    if (!(error instanceof AppError && error.code === "PAYLOAD_TOO_LARGE")) throw error;
    throw new AppError("PAYLOAD_TOO_LARGE", `An upload chunk can be at most ${formatMegabytes(limit)} (VIDEO_UPLOAD_CHUNK_BYTES): send the file in smaller pieces.`, { maxBytes: limit });
  });
}

function formatMegabytes(bytes: number): string {
  return `${+(bytes / 1024 ** 2).toFixed(2)} MB`;
}

/** The file's facts and the video's details from the tus creation headers (Upload-Length, Upload-Metadata). */
function readCreation(request: WebRequest) {
  const length = request.header("upload-length");
  if (!length || !/^\d+$/.test(length)) throw new AppError("BAD_REQUEST", "An upload must declare its length (Upload-Length).");
  let metadata: Record<string, string | null>;
  try {
    metadata = Metadata.parse(request.header("upload-metadata") ?? "");
  } catch {
    throw new AppError("BAD_REQUEST", "Upload-Metadata is malformed.");
  }
  const text = (name: string) => metadata[name] ?? undefined;
  let tags: unknown = [];
  try {
    tags = JSON.parse(text("tags") ?? "[]");
  } catch {
    throw new AppError("BAD_REQUEST", "tags must be a JSON array of strings.");
  }
  const details = VideoDetails.parse({ title: text("title"), description: text("description"), tags, visibility: text("visibility") });
  return { ...details, fileName: text("filename") ?? "", fileType: text("filetype") ?? "", size: Number(length) };
}
