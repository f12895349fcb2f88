import type { DetailedError, Upload } from "tus-js-client";

export type VideoUploadFields = { title: string; description: string; tags: string[]; visibility: "public" | "unlisted" | "private" };

/**
 * Starts a resumable tus upload of `file` to /api/videos/uploads. A dropped
 * connection is retried; a reload finds the earlier upload of the same file
 * (tus-js-client keeps its URL in localStorage) and continues where it stopped.
 * `chunkBytes` is the server's VIDEO_UPLOAD_CHUNK_BYTES (the page passes it):
 * one PATCH each, the most the server takes. Resolves with the Upload,
 * already started, so the caller can abort it.
 */
export async function startVideoUpload(
  file: File,
  fields: VideoUploadFields,
  events: { onCreated: (videoId: string) => void; onProgress: (percent: number) => void; onSuccess: () => void; onError: (message: string) => void },
  chunkBytes: number,
): Promise<Upload> {
  const { Upload: TusUpload } = await import("tus-js-client");
  let announced = false;
  const upload: Upload = new TusUpload(file, {
    endpoint: "/api/videos/uploads",
    chunkSize: chunkBytes,
    retryDelays: [0, 1_000, 3_000, 5_000, 10_000],
    removeFingerprintOnSuccess: true,
    metadata: { filename: file.name, filetype: file.type, title: fields.title, description: fields.description, tags: JSON.stringify(fields.tags), visibility: fields.visibility },
    onProgress: (sent, total) => {
      if (!announced && upload.url) {
        announced = true;
        events.onCreated(upload.url.slice(upload.url.lastIndexOf("/") + 1));
      }
      events.onProgress(total > 0 ? (sent / total) * 100 : 0);
    },
    onSuccess: () => {
      if (!announced && upload.url) events.onCreated(upload.url.slice(upload.url.lastIndexOf("/") + 1));
      events.onSuccess();
    },
    onError: (error) => events.onError(uploadErrorMessage(error)),
  });
  const previous = await upload.findPreviousUploads();
  if (previous[0]) upload.resumeFromPreviousUpload(previous[0]);
  upload.start();
  return upload;
}

/** The server's own words for a refusal (415, 413, 403...), else a generic line. */
function uploadErrorMessage(error: Error | DetailedError): string {
  const body = "originalResponse" in error ? error.originalResponse?.getBody() : undefined;
  if (body) {
    try {
      const message = (JSON.parse(body) as { error?: { message?: string } }).error?.message;
      if (message) return message;
    } catch {
      // Not our JSON (a proxy's page): fall through.
    }
  }
  return "The upload failed. Check your connection and try again: it will continue where it stopped.";
}
