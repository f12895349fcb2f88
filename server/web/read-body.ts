import type { IncomingMessage } from "node:http";
import { AppError } from "@/server/errors";

/**
 * The one capped body reader, for both transports. A body declared larger
 * than `maxBytes` is refused before a byte is read; one that turns out larger
 * while streaming (a client may lie about its length or send none) is refused
 * as soon as it crosses the cap, and the rest is never read: the node:http
 * side stops reading and its 413 closes the connection (node-request.ts), the
 * Web side cancels the stream. Nothing oversized is ever held in memory.
 */
export function bodyTooLarge(maxBytes: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${maxBytes >= 1024 ? `${Math.round(maxBytes / 1024)} KB` : `${maxBytes} bytes`}.`);
}

function unreadable(): AppError {
  // The client went away mid-body: nothing to answer, and nothing wrong on our side.
  return new AppError("BAD_REQUEST", "The request body could not be read.");
}

function declaredTooLarge(contentLength: string | null | undefined, maxBytes: number): boolean {
  return contentLength !== null && contentLength !== undefined && Number(contentLength) > maxBytes;
}

export function readNodeBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  if (declaredTooLarge(request.headers["content-length"], maxBytes)) return Promise.reject(bodyTooLarge(maxBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => request.off("data", onData).off("end", onEnd).off("error", onError).off("aborted", onError);
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      stop();
      request.pause();
      reject(bodyTooLarge(maxBytes));
    };
    const onEnd = () => {
      stop();
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
    };
    const onError = () => {
      stop();
      reject(unreadable());
    };
    request.on("data", onData).on("end", onEnd).on("error", onError).on("aborted", onError);
  });
}

export async function readWebBody(request: Request, maxBytes: number): Promise<Buffer> {
  if (declaredTooLarge(request.headers.get("content-length"), maxBytes)) throw bodyTooLarge(maxBytes);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read().catch(() => {
      throw unreadable();
    });
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw bodyTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
