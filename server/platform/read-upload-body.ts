import { AppError } from "@/server/errors";
import { readWebBody } from "@/server/web/read-body";

/**
 * The capped body reader (server/web/read-body.ts) for route handlers outside
 * the route table (the payment webhook and simulator), with the refusal in
 * the caller's own words: refused by declared length, then while streaming,
 * so an oversized body is never held in full.
 */
export async function readUploadBody(request: Request, maxBytes: number, tooLarge: () => AppError): Promise<Buffer> {
  try {
    return await readWebBody(request, maxBytes);
  } catch (error) {
    throw error instanceof AppError && error.code === "PAYLOAD_TOO_LARGE" ? tooLarge() : error;
  }
}
