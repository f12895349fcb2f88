import path from "node:path";
import { FileStore } from "@tus/file-store";
import { Server } from "@tus/server";
import { Metadata } from "@tus/utils";
import { env, videoWorkDir } from "@/server/env";
import { AppError } from "@/server/errors";
import { getSessionUser } from "@/server/platform/auth";
import { db } from "@/server/platform/db";
import { consume, rateLimitError, rateLimitHeaders } from "@/server/platform/ratelimit";
import { storage } from "@/server/platform/storage";
import { errorAnswer, type Answer } from "@/server/web/answer";
import type { BodyTypes } from "@/server/web/content-types";
import type { WebRequest } from "@/server/web/request";
import { finishVideoUpload } from "./finish-video-upload";
import { startVideoUpload } from "./start-video-upload";
import { VideoDetails } from "./video-fields";

export const UPLOADS_PATH = "/api/videos/uploads";
/** Largest PATCH body: the browser sends the file in chunks of VIDEO_UPLOAD_CHUNK_BYTES (components/videos). */
const MAX_CHUNK_BYTES = 64 * 1024 * 1024;

/** tus bodies: none (creation, HEAD, DELETE) or the raw bytes of a PATCH. Never a form. */
export const TUS_BODY: BodyTypes = { accepts: (type) => type === "" || type === "application/offset+octet-stream", description: "application/offset+octet-stream" };

/** Video ids chosen by startVideoUpload for the tus creation request in flight (tus asks namingFunction for the id). */
const chosenIds = new WeakMap<Request, string>();
let server: Server | undefined;

function tusServer(): Server {
  if (server) return server;
  const datastore = new FileStore({ directory: path.join(videoWorkDir, "uploads") });
  server = new Server({
    path: UPLOADS_PATH,
    datastore,
    relativeLocation: true,
    maxSize: env.VIDEO_MAX_UPLOAD_BYTES,
    disableTerminationForFinishedUploads: true,
    namingFunction: (request) => {
      const id = chosenIds.get(request as unknown as Request);
      if (!id) throw new AppError("INTERNAL", "tus creation without a video");
      return id;
    },
    onUploadFinish: async (_request, upload) => {
      await finishVideoUpload({ db, storage, videoId: upload.id, file: datastore.read(upload.id) });
      await datastore.remove(upload.id);
      return {};
    },
  });
  return server;
}

/**
 * The tus resumable-upload endpoint (rows of server/web/routes.ts, answered
 * before Next): POST creates an upload (the video, after the first half of
 * the validation chain), HEAD tells how much arrived, PATCH appends, DELETE
 * cancels. Everything runs behind the request guard and a session; an upload
 * is its owner's alone. `@tus/server` speaks the protocol on a Web Request
 * rebuilt from ours, so both transports share it.
 */
export async function videoUploadRoute(request: WebRequest): Promise<Answer> {
  const user = await getSessionUser(request.headers);
  if (!user) throw new AppError("UNAUTHORIZED", "Please sign in to upload videos.");
  const uploadId = request.params.uploadId;
  let rateHeaders: Record<string, string> = {};
  let videoId: string | undefined;

  if (uploadId === undefined) {
    const limit = await consume("upload", user.id);
    if (!limit.allowed) return errorAnswer(rateLimitError(limit), request.path, rateLimitHeaders(limit));
    rateHeaders = rateLimitHeaders(limit);
    videoId = await startVideoUpload({ db, request: { ownerId: user.id, ...readCreation(request) } });
  } else {
    const video = await db.video.findFirst({ where: { id: uploadId, ownerId: user.id }, select: { status: true } });
    if (!video) throw new AppError("NOT_FOUND", "No such upload.");
  }

  const body = request.method === "PATCH" ? await request.readBody(MAX_CHUNK_BYTES) : undefined;
  const tusRequest = new Request(`http://localhost${request.path}${request.search}`, { method: request.method, headers: request.headers, body: body as Uint8Array<ArrayBuffer> | undefined });
  if (videoId) chosenIds.set(tusRequest, videoId);
  const response = await tusServer().handleWeb(tusRequest);

  // A cancelled upload leaves nothing: tus removed the partial file, the video goes too.
  if (request.method === "DELETE" && response.status === 204 && uploadId) {
    await db.video.deleteMany({ where: { id: uploadId, ownerId: user.id, status: "uploading" } });
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  return {
    status: response.status,
    headers: { ...Object.fromEntries(response.headers.entries()), ...rateHeaders, "Cache-Control": "no-store" },
    // tus answers 204 to PATCH and DELETE: no body at all, not an empty one.
    body: bytes.byteLength > 0 ? bytes : null,
  };
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
