import { AppError } from "@/server/errors";

/**
 * What a route accepts as its body's Content-Type; anything else is refused
 * with 415 before the body is read. Besides being honest about the API, this
 * closes the forms a page on another site can send without a CORS preflight
 * (text/plain, application/x-www-form-urlencoded, multipart/form-data) on the
 * routes that have no use for them.
 */
export type BodyTypes = { accepts: (mediaType: string) => boolean; description: string };

function only(...types: string[]): BodyTypes {
  const allowed = new Set(types);
  return { accepts: (type) => allowed.has(type), description: types.join(" or ") };
}

export const JSON_BODY = only("application/json");
/** pusher-js posts its channel authorization as a form; JSON also works. */
export const FORM_OR_JSON_BODY = only("application/x-www-form-urlencoded", "application/json");
/** Pictures uploaded as the raw body (the bytes are decoded and re-encoded anyway). */
export const IMAGE_BODY: BodyTypes = { accepts: (type) => type.startsWith("image/"), description: "an image (image/*)" };
const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);
/** A file of any type as the raw body (its type is sniffed from the bytes), but never a form submission. */
export const FILE_BODY: BodyTypes = { accepts: (type) => !FORM_TYPES.has(type), description: "a file as the raw request body" };

/** The media type of a Content-Type header, lower-case and without parameters ("" when absent). */
export function mediaTypeOf(contentType: string | undefined): string {
  if (!contentType) return "";
  const end = contentType.indexOf(";");
  return (end === -1 ? contentType : contentType.slice(0, end)).trim().toLowerCase();
}

export function requireBodyType(contentType: string | undefined, types: BodyTypes): void {
  const type = mediaTypeOf(contentType);
  if (types.accepts(type)) return;
  throw new AppError("UNSUPPORTED_MEDIA_TYPE", `This endpoint accepts ${types.description}${type ? `, not ${type}` : "; the request has no Content-Type"}.`);
}
