import type { WebRequest } from "@/server/web/request";

/**
 * The password form of a protected link holds one password: a body past this
 * is not a form of ours.
 */
export const MAX_PASSWORD_FORM_BYTES = 4 * 1024;

/**
 * The url-encoded form, or an empty one (answered like a wrong password) when
 * the body is over MAX_PASSWORD_FORM_BYTES, so the visitor still gets the
 * page; the capped reader (server/web/read-body.ts) never holds more.
 */
export async function readPasswordForm(request: WebRequest): Promise<URLSearchParams> {
  try {
    return new URLSearchParams((await request.readBody(MAX_PASSWORD_FORM_BYTES)).toString("utf8"));
  } catch {
    return new URLSearchParams();
  }
}
