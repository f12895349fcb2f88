import "server-only";
import type { Readable } from "node:stream";
import { logger } from "./logger";
import { toNodeReadable, tooLargeError } from "./object-put-input";
import type { ObjectBody } from "./object-store";
import { s3Failure, xmlValues, type S3Bucket } from "./s3-bucket";

/**
 * Parts of a multipart upload. S3 wants at least 5 MiB in every part but the
 * last and at most 10,000 parts: 8 MiB parts carry a 2 GiB video in 256 of
 * them, and one part is all an upload holds in memory at a time (two while
 * it decides whether a second one exists).
 */
export const PART_BYTES = 8 * 1024 * 1024;

const log = logger.child({ module: "s3-store" });

/**
 * Stores a body of unknown length under `key`, read as it arrives: a body that
 * fits in one part is one PUT; a larger one is a multipart upload, part by
 * part. Past `maxBytes` the upload stops at once with PAYLOAD_TOO_LARGE: a
 * single PUT was never sent, a multipart upload is aborted, so no object (and
 * no new version of an existing one) ever appears. S3 makes the key visible
 * only when the upload completes, so readers never see a partial object.
 */
export async function uploadObject({ bucket, key, body, headers, maxBytes, partBytes = PART_BYTES }: { bucket: S3Bucket; key: string; body: ObjectBody; headers: Record<string, string>; maxBytes: number; partBytes?: number }): Promise<void> {
  const parts = cappedParts(toNodeReadable(body), maxBytes, partBytes);
  try {
    const first = await parts.next();
    const second = first.done ? first : await parts.next();
    if (first.done || second.done) {
      const response = await bucket.send({ method: "PUT", key, headers, body: first.done ? new Uint8Array() : first.value });
      if (!response.ok) throw await s3Failure(response, `PUT ${key}`);
      return;
    }
    await multipartUpload({ bucket, key, headers, parts: prepend([first.value, second.value], parts) });
  } finally {
    // Ends the body's stream when we stop early (an error, the cap), so its sender stops too.
    await parts.return(undefined);
  }
}

async function multipartUpload({ bucket, key, headers, parts }: { bucket: S3Bucket; key: string; headers: Record<string, string>; parts: AsyncIterable<Uint8Array<ArrayBuffer>> }): Promise<void> {
  const created = await bucket.send({ method: "POST", key, query: { uploads: "" }, headers });
  if (!created.ok) throw await s3Failure(created, `CreateMultipartUpload ${key}`);
  const uploadId = xmlValues(await created.text(), "UploadId")[0];
  if (!uploadId) throw new Error(`S3 CreateMultipartUpload ${key} answered no UploadId`);
  try {
    const etags: string[] = [];
    for await (const part of parts) {
      const partNumber = etags.length + 1;
      const response = await bucket.send({ method: "PUT", key, query: { partNumber: String(partNumber), uploadId }, body: part });
      const etag = response.headers.get("etag");
      if (!response.ok || !etag) throw await s3Failure(response, `UploadPart ${partNumber} of ${key}`);
      etags.push(etag);
    }
    const manifest = etags.map((etag, index) => `<Part><PartNumber>${index + 1}</PartNumber><ETag>${escapeXml(etag)}</ETag></Part>`).join("");
    const completed = await bucket.send({ method: "POST", key, query: { uploadId }, headers: { "Content-Type": "application/xml" }, body: `<CompleteMultipartUpload>${manifest}</CompleteMultipartUpload>` });
    // S3 may answer 200 and still fail: the error is then in the body.
    const answer = await completed.text();
    if (!completed.ok || xmlValues(answer, "Code").length > 0) throw await s3Failure(new Response(answer, { status: completed.status }), `CompleteMultipartUpload ${key}`);
  } catch (error) {
    // The parts already sent would be billed forever; a bucket lifecycle rule (README) is the backstop when this fails too.
    const aborted = await bucket.send({ method: "DELETE", key, query: { uploadId } }).catch((reason: unknown) => reason);
    if (!(aborted instanceof Response && aborted.ok)) log.warn({ key, uploadId, status: aborted instanceof Response ? aborted.status : String(aborted) }, "could not abort a multipart upload");
    throw error;
  }
}

/** The body in parts of exactly `partBytes` (the last may be smaller); throws PAYLOAD_TOO_LARGE as soon as more than `maxBytes` arrived. */
async function* cappedParts(body: Readable, maxBytes: number, partBytes: number): AsyncGenerator<Uint8Array<ArrayBuffer>, void, undefined> {
  let total = 0;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  for await (const chunk of body as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > maxBytes) throw tooLargeError(maxBytes);
    pending.push(chunk);
    pendingBytes += chunk.byteLength;
    if (pendingBytes < partBytes) continue;
    // A chunk may be larger than a part (a whole Buffer handed in): cut it, keep the rest for the next part.
    let joined = Buffer.concat(pending);
    for (; joined.byteLength >= partBytes; joined = joined.subarray(partBytes)) yield joined.subarray(0, partBytes);
    pending = joined.byteLength > 0 ? [joined] : [];
    pendingBytes = joined.byteLength;
  }
  if (pendingBytes > 0) yield Buffer.concat(pending);
}

async function* prepend<T>(head: T[], rest: AsyncIterator<T>): AsyncGenerator<T, void, undefined> {
  yield* head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
