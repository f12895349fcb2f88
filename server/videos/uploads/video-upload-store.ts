import type { Readable } from "node:stream";
import { DataStore, ERRORS, Upload } from "@tus/utils";
import type { Db } from "@/server/platform/db";
import type { ObjectStore } from "@/server/platform/storage";
import { removeVideoFiles } from "../delete-video";
import { partKey, uploadPartsPrefix } from "./upload-parts";

type PartStore = Pick<ObjectStore, "putObject" | "deleteObject" | "listObjects">;

/**
 * tus's DataStore over our ObjectStore and Postgres, so an upload can go on
 * through any web instance (local disk for one machine, S3 for several or for
 * Vercel): each PATCH's bytes are one stored object, and the Video row is
 * the upload's record (its size, and in `uploadedBytes` the offset tus
 * checks every PATCH against). A PATCH's chunk is stored whole before the
 * offset moves, with a conditional update, so a PATCH that fails or is cut
 * off anywhere leaves the offset where it was: the client resends that chunk,
 * and nothing already received is ever rewritten.
 *
 * The Redis locker serialises requests of an upload; if a stalled writer's
 * lock expired anyway, two PATCHes at one offset can both store their chunk.
 * Each part's key is the byte range of the file it holds, so such a part is
 * never overwritten by bytes of another range, and the stitch
 * (stitch-upload.ts, in the worker) makes the file from any parts covering it
 * in order.
 */
export class VideoUploadStore extends DataStore {
  constructor(private readonly deps: { db: Db; storage: PartStore }) {
    super();
    // No creation-defer-length: the size is checked against the limit and the quota when the upload is created.
    this.extensions = ["creation", "termination"];
  }

  /** The Video row, created by startVideoUpload before tus asks, is the upload: nothing more to make. */
  override async create(upload: Upload): Promise<Upload> {
    return upload;
  }

  override async getUpload(id: string): Promise<Upload> {
    const video = await this.deps.db.video.findUnique({
      where: { id },
      select: { status: true, sourceBytes: true, uploadedBytes: true, createdAt: true, sourceName: true, sourceType: true, title: true },
    });
    if (!video) throw ERRORS.FILE_NOT_FOUND;
    const size = Number(video.sourceBytes);
    return new Upload({
      id,
      size,
      // Past "uploading" every byte arrived (the worker stitches the parts into the source).
      offset: video.status === "uploading" ? Number(video.uploadedBytes) : size,
      // tus answers HEAD with these as Upload-Metadata (the spec wants the creation's back): what the row keeps of them.
      metadata: creationMetadata(video),
      creation_date: video.createdAt.toISOString(),
      storage: { type: "object-store", path: uploadPartsPrefix(id) },
    });
  }

  override async write(stream: Readable, id: string, offset: number): Promise<number> {
    // At most one chunk (the route reads the PATCH body whole under VIDEO_UPLOAD_CHUNK_BYTES): gathered so its length names its key.
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
    const bytes = Buffer.concat(chunks);
    if (bytes.length === 0) return offset;

    const end = offset + bytes.length;
    const key = partKey(id, offset, end);
    // Private and nobody's: a part is never served.
    await this.deps.storage.putObject(key, bytes, { contentType: "application/octet-stream", visibility: "private" });
    const { count } = await this.deps.db.video.updateMany({
      where: { id, status: "uploading", uploadedBytes: BigInt(offset) },
      data: { uploadedBytes: BigInt(end), lastChunkAt: new Date() },
    });
    if (count === 1) return end;
    if ((await this.deps.db.video.count({ where: { id } })) === 0) {
      // Cancelled or deleted while this chunk was being stored: its files went before this part came.
      await this.deps.storage.deleteObject(key);
      throw ERRORS.FILE_NOT_FOUND;
    }
    // Another request moved the offset first; this part holds the file's own bytes for its range and goes with the rest.
    throw ERRORS.INVALID_OFFSET;
  }

  /** DELETE (tus termination, which tus refuses once every byte arrived): the video goes, then every file it has. */
  override async remove(id: string): Promise<void> {
    await this.deps.db.video.deleteMany({ where: { id, status: "uploading" } });
    await removeVideoFiles(this.deps.storage, id);
  }
}

/** The fields of the creation's Upload-Metadata the Video row keeps (the title as it is now); an empty one is left out. */
function creationMetadata(video: { sourceName: string; sourceType: string; title: string }): Record<string, string> {
  const fields: Record<string, string> = { filename: video.sourceName, filetype: video.sourceType, title: video.title };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== ""));
}
