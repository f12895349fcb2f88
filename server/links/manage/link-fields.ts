import { z } from "zod";
import { AppError } from "@/server/errors";
import { checkAlias } from "./alias";
import { checkDestinationUrl } from "./destination-url";
import { PAGE_PREVIEW_LIMITS } from "@/server/platform/page-preview";

/** Field rules shared by create and update (tRPC inputs and the REST route). */
export const LinkTitle = z.string().trim().max(200);
export const LinkTag = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[\p{L}\p{N} _.-]+$/u, "Tags use letters, digits, spaces, '.', '_' and '-'.");
export const LinkTags = z.array(LinkTag).max(10, "At most 10 tags.");
/** The owner's own card for link unfurlers (server/links/redirect/crawler-card.ts); limits as page-preview.ts reads them. */
export const LinkCardTitle = z.string().trim().max(PAGE_PREVIEW_LIMITS.titleChars, `Card titles have at most ${PAGE_PREVIEW_LIMITS.titleChars} characters.`);
export const LinkCardDescription = z
  .string()
  .trim()
  .max(PAGE_PREVIEW_LIMITS.descriptionChars, `Card descriptions have at most ${PAGE_PREVIEW_LIMITS.descriptionChars} characters.`);
export const LinkCardImage = z.string().trim().max(PAGE_PREVIEW_LIMITS.imageUrlChars, "That image address is too long.");
export const LinkPassword = z.string().min(4, "Passwords have at least 4 characters.").max(128);

/** The destination as stored, or a BAD_REQUEST naming the failed check. */
export function destinationOrThrow(url: string): string {
  const checked = checkDestinationUrl(url);
  if (!checked.ok) throw new AppError("BAD_REQUEST", checked.message, { field: "url", problem: checked.problem });
  return checked.url;
}

export function aliasOrThrow(alias: string): string {
  const checked = checkAlias(alias);
  if (!checked.ok) throw new AppError("BAD_REQUEST", checked.message, { field: "customAlias", problem: checked.problem });
  return checked.alias;
}

/** Expiry must lie in the future at the moment of the call. */
export function expiryOrThrow(expiresAt: Date | null | undefined, now: Date): Date | null | undefined {
  if (expiresAt === undefined || expiresAt === null) return expiresAt;
  if (Number.isNaN(expiresAt.getTime())) throw new AppError("BAD_REQUEST", "The expiry date is not a valid date.", { field: "expiresAt" });
  if (expiresAt.getTime() <= now.getTime()) throw new AppError("BAD_REQUEST", "The expiry date must be in the future.", { field: "expiresAt" });
  return expiresAt;
}

export function normalizeTags(tags: string[] | undefined): string[] | undefined {
  return tags ? [...new Set(tags.map((tag) => tag.trim()))] : undefined;
}

/** A card image is an absolute http(s) address (it is shown by other apps, fetched by them); empty means none. */
export function cardImageOrThrow(image: string): string | null {
  if (!image) return null;
  try {
    const url = new URL(image);
    if (url.protocol === "https:" || url.protocol === "http:") return url.href;
  } catch {
    // answered below
  }
  throw new AppError("BAD_REQUEST", "The card image must be a web address starting with https://.", { field: "previewImage" });
}
