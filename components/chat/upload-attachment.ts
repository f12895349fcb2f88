import type { ChatAttachment } from "./chat-types";

/**
 * Uploads one file to POST /api/chat/attachments as the raw body. XHR rather
 * than fetch because only XHR reports upload progress.
 */
export function uploadAttachment(conversationId: string, file: File, onProgress: (fraction: number) => void): Promise<ChatAttachment> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const params = new URLSearchParams({ conversationId, name: file.name });
    xhr.open("POST", `/api/chat/attachments?${params.toString()}`);
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
      if (xhr.status === 201 && body) resolve(body as ChatAttachment);
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
