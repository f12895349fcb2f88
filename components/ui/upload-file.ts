/**
 * POSTs one file as the raw request body and resolves with the JSON answer
 * when the status is `expectedStatus`. XHR rather than fetch because only XHR
 * reports upload progress. Rejects with the server's `{ error: { message } }`
 * when there is one, so the message can be shown as is.
 */
export function uploadFile<T>(url: string, file: File, { onProgress, expectedStatus = 201 }: { onProgress: (fraction: number) => void; expectedStatus?: number }): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null; // a proxy's HTML error page: reported below by status
      }
      if (xhr.status === expectedStatus && body) resolve(body as T);
      else reject(new Error(errorMessageOf(body) ?? (xhr.status === 413 ? "That file is too large." : `Upload failed (${xhr.status}).`)));
    };
    xhr.onerror = () => reject(new Error("Upload failed: check your connection."));
    xhr.send(file);
  });
}

function errorMessageOf(body: unknown): string | null {
  if (typeof body !== "object" || body === null || !("error" in body)) return null;
  const error = (body as { error: { message?: unknown } }).error;
  return typeof error?.message === "string" ? error.message : null;
}
