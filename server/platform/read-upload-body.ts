import type { AppError } from "@/server/errors";

/**
 * Reads an upload's raw body into memory, refusing it as soon as it is known
 * to exceed `maxBytes`: first by its declared Content-Length, then while
 * streaming (a client may lie about the length or send none), so an oversized
 * upload is never held in full.
 */
export async function readUploadBody(request: Request, maxBytes: number, tooLarge: () => AppError): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge();
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
