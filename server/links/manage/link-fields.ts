import { z } from "zod";
import { AppError } from "@/server/errors";
import { checkAlias } from "./alias";
import { checkDestinationUrl } from "./destination-url";

/** Field rules shared by create and update (tRPC inputs and the REST route). */
export const LinkTitle = z.string().trim().max(200);
export const LinkTag = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[\p{L}\p{N} _.-]+$/u, "Tags use letters, digits, spaces, '.', '_' and '-'.");
export const LinkTags = z.array(LinkTag).max(10, "At most 10 tags.");
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
