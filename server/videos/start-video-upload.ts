import { randomBytes } from "node:crypto";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import type { VideoDetails } from "./video-fields";

/** Containers ffmpeg reads that people upload; anything else is refused before a byte is sent. */
const VIDEO_EXTENSIONS = new Set(["mp4", "m4v", "mov", "webm", "mkv", "avi", "mpeg", "mpg", "ogv", "3gp", "flv", "wmv", "ts", "mts"]);
/** Browsers declare unknown files (a .mkv, often) as this or nothing. */
const UNKNOWN_TYPE = "application/octet-stream";

export type VideoUploadRequest = VideoDetails & { ownerId: string; fileName: string; fileType: string; size: number };

/**
 * The first half of the validation chain, in PeerTube's order, run when an
 * upload is created (before any byte is sent): the declared type and the
 * file name's extension (415), the size (413), the owner's storage quota
 * (403). The second half (is it really a video?) is ffprobe's, on the stored
 * file, in the transcoding job. Creates the video in status "uploading" and
 * returns its id, which is also the tus upload's id.
 */
export async function startVideoUpload({ db, request }: { db: Db; request: VideoUploadRequest }): Promise<string> {
  const extension = request.fileName.includes(".") ? request.fileName.slice(request.fileName.lastIndexOf(".") + 1).toLowerCase() : "";
  const type = request.fileType.trim().toLowerCase();
  if (!VIDEO_EXTENSIONS.has(extension) || !(type === "" || type === UNKNOWN_TYPE || type.startsWith("video/"))) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `"${request.fileName}" is not a video file we accept (${[...VIDEO_EXTENSIONS].join(", ")}).`);
  }
  if (request.size === 0) throw new AppError("BAD_REQUEST", "This file is empty.");
  if (request.size > env.VIDEO_MAX_UPLOAD_BYTES) {
    throw new AppError("PAYLOAD_TOO_LARGE", `Videos can be at most ${formatGigabytes(env.VIDEO_MAX_UPLOAD_BYTES)}.`, { maxBytes: env.VIDEO_MAX_UPLOAD_BYTES });
  }
  const used = await db.video.aggregate({ where: { ownerId: request.ownerId }, _sum: { sourceBytes: true } });
  const usedBytes = Number(used._sum.sourceBytes ?? 0n);
  if (usedBytes + request.size > env.VIDEO_QUOTA_BYTES) {
    throw new AppError("FORBIDDEN", `This upload would pass your storage quota of ${formatGigabytes(env.VIDEO_QUOTA_BYTES)} (${formatGigabytes(usedBytes)} used). Delete some videos first.`);
  }

  const video = await db.video.create({
    data: {
      // Hex: a storage key segment must start with a letter or digit.
      id: randomBytes(12).toString("hex"),
      ownerId: request.ownerId,
      title: request.title,
      description: request.description,
      tags: request.tags,
      visibility: request.visibility,
      sourceName: request.fileName.slice(0, 255),
      sourceType: type || UNKNOWN_TYPE,
      sourceBytes: BigInt(request.size),
    },
    select: { id: true },
  });
  return video.id;
}

function formatGigabytes(bytes: number): string {
  const gigabytes = bytes / 1024 ** 3;
  return gigabytes >= 1 ? `${+gigabytes.toFixed(1)} GB` : `${+(bytes / 1024 ** 2).toFixed(1)} MB`;
}
