import "server-only";
import { AppError } from "@/server/errors";
import { checkedContentType, uploadLimit } from "./object-put-input";
import { assertSafeKey, type ByteRange, type ObjectMetadata, type ObjectStore, type PutObjectOptions } from "./object-store";
import { s3Bucket, s3Failure, xmlValues, type S3BucketSettings } from "./s3-bucket";
import { PART_BYTES, uploadObject } from "./s3-upload";

/** ListObjectsV2 answers at most 1,000 keys a page. */
const LIST_PAGE_KEYS = 1000;

/**
 * The object store on any S3-compatible service (AWS S3, Cloudflare R2,
 * MinIO), chosen in storage.ts when S3_BUCKET is set. The bucket stays
 * private: every read goes through serve-object.ts and its `authorize`.
 * Owner, visibility and the immutable promise travel as object metadata
 * (x-amz-meta-*); the ETag is S3's own, a quoted strong validator that
 * changes whenever the bytes do, which is all serve-object.ts asks of it.
 * `tuning` is for tests: small parts and pages reach the multipart and
 * paging paths without gigabytes or thousands of keys, a short timeout the
 * silent-service path without a minute's wait.
 */
export function createS3Store(settings: S3BucketSettings, tuning: { partBytes?: number; listPageKeys?: number; answerTimeoutMs?: number } = {}): ObjectStore {
  const bucket = s3Bucket(settings, tuning.answerTimeoutMs);
  const partBytes = tuning.partBytes ?? PART_BYTES;
  const listPageKeys = tuning.listPageKeys ?? LIST_PAGE_KEYS;

  const store: ObjectStore = {
    async putObject(key, body, options) {
      assertSafeKey(key);
      const headers = { "Content-Type": checkedContentType(options.contentType), ...metadataHeaders(options) };
      await uploadObject({ bucket, key, body, headers, maxBytes: uploadLimit(options.maxBytes), partBytes });
      // The stored facts (ETag, Last-Modified) are S3's: read them back so put and stat answer the same.
      const stored = await store.statObject(key);
      if (!stored) throw new Error(`S3 PUT ${key}: the object is missing right after its upload`);
      return stored;
    },

    async getObject(key, options = {}) {
      assertSafeKey(key);
      const range = options.range;
      if (range && !(Number.isSafeInteger(range.start) && Number.isSafeInteger(range.end) && 0 <= range.start && range.start <= range.end)) {
        throw new AppError("BAD_REQUEST", "Requested range is outside the file.");
      }
      // One request: the metadata comes with the bytes, so it always describes the version being read.
      // identity: a body decompressed on its way (fetch does that) would not match its Content-Length and Content-Range.
      const headers: Record<string, string> = { "Accept-Encoding": "identity", ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}) };
      const response = await bucket.send({ method: "GET", key, headers });
      if (response.status === 404 || response.status === 416) {
        await response.body?.cancel();
        throw response.status === 404 ? new AppError("NOT_FOUND", "File not found.") : new AppError("BAD_REQUEST", "Requested range is outside the file.");
      }
      if (!response.ok || !response.body) throw await s3Failure(response, `GET ${key}`);
      if (!range) return { ...metadataOf(key, response.headers, contentLength(response.headers)), range: null, body: response.body };

      const span = response.status === 206 ? contentRange(response.headers) : null;
      if (!span) {
        await response.body.cancel();
        throw new Error(`S3 GET ${key}: a range was asked for and the whole object came back`);
      }
      return { ...metadataOf(key, response.headers, span.size), range: { start: span.start, end: span.end }, body: response.body };
    },

    async statObject(key) {
      assertSafeKey(key);
      const response = await bucket.send({ method: "HEAD", key });
      if (response.status === 404) return null;
      if (!response.ok) throw await s3Failure(response, `HEAD ${key}`);
      return metadataOf(key, response.headers, contentLength(response.headers));
    },

    async deleteObject(key) {
      assertSafeKey(key);
      const response = await bucket.send({ method: "DELETE", key });
      // S3 answers 204 for a key that is not there; some compatible stores say 404.
      if (!response.ok && response.status !== 404) throw await s3Failure(response, `DELETE ${key}`);
      await response.body?.cancel();
    },

    async listObjects(prefix) {
      const keys: string[] = [];
      let continuation: string | undefined;
      do {
        const query: Record<string, string> = { "list-type": "2", prefix, "max-keys": String(listPageKeys) };
        if (continuation) query["continuation-token"] = continuation;
        const response = await bucket.send({ method: "GET", query });
        if (!response.ok) throw await s3Failure(response, `ListObjectsV2 ${prefix}`);
        const page = await response.text();
        keys.push(...xmlValues(page, "Key"));
        continuation = xmlValues(page, "IsTruncated")[0] === "true" ? xmlValues(page, "NextContinuationToken")[0] : undefined;
      } while (continuation);
      return keys;
    },
  };
  return store;
}

/** S3 lower-cases metadata names and returns them as x-amz-meta-<name>. */
function metadataHeaders(options: PutObjectOptions): Record<string, string> {
  return {
    "x-amz-meta-visibility": options.visibility ?? "private",
    ...(options.ownerId ? { "x-amz-meta-owner-id": options.ownerId } : {}),
    ...(options.immutable ? { "x-amz-meta-immutable": "true" } : {}),
  };
}

function metadataOf(key: string, headers: Headers, size: number): ObjectMetadata {
  const etag = headers.get("etag");
  if (!etag) throw new Error(`S3 answered no ETag for ${key}`);
  const lastModified = Date.parse(headers.get("last-modified") ?? "");
  return {
    key,
    contentType: headers.get("content-type") ?? "application/octet-stream",
    size,
    ownerId: headers.get("x-amz-meta-owner-id"),
    // Anything but an explicit "public" (an object written by another tool) stays private.
    visibility: headers.get("x-amz-meta-visibility") === "public" ? "public" : "private",
    etag: etag.startsWith('"') ? etag : `"${etag}"`,
    createdAt: new Date(Number.isNaN(lastModified) ? 0 : lastModified).toISOString(),
    ...(headers.get("x-amz-meta-immutable") === "true" ? { immutable: true } : {}),
  };
}

function contentLength(headers: Headers): number {
  const length = Number(headers.get("content-length"));
  if (!Number.isSafeInteger(length) || length < 0) throw new Error("S3 answered no Content-Length");
  return length;
}

/** `Content-Range: bytes 10-15/36` → the span S3 sends (its end clamped to the object) and the object's size. */
function contentRange(headers: Headers): (ByteRange & { size: number }) | null {
  const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(headers.get("content-range") ?? "");
  return match ? { start: Number(match[1]), end: Number(match[2]), size: Number(match[3]) } : null;
}
