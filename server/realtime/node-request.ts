import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "@/server/errors";

/**
 * Helpers for the routes the self-hosted web process answers before Next
 * straight from node:http (chat sends, channel authorization), so they need
 * no Request/Response objects in between.
 */

/** The body as text; rejects with PAYLOAD_TOO_LARGE past `maxBytes` (declared, then counted), without holding more. */
export function readNodeBody(request: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers["content-length"] ?? "0") > maxBytes) {
      reject(bodyTooLarge(maxBytes));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        request.removeAllListeners("data");
        request.resume();
        reject(bodyTooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

export function bodyTooLarge(maxBytes: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${maxBytes >= 1024 ? `${Math.round(maxBytes / 1024)} KB` : `${maxBytes} bytes`}.`);
}

/** Just the request headers the handlers read (session cookie, content type), as a Headers object. */
export function headersOf(request: IncomingMessage, names: string[]): Headers {
  const headers = new Headers();
  for (const name of names) {
    const value = request.headers[name];
    if (typeof value === "string") headers.set(name, value);
  }
  return headers;
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { ...headers, "Cache-Control": "no-store", "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) });
  response.end(text);
}
