import { z } from "zod";

/**
 * Usernames appear in URLs (/u/alice), so they are lower-case and URL-safe:
 * 3–30 characters of a–z, 0–9 and "_". Input is lower-cased first, so "Alice"
 * is the same name as "alice". better-auth's username plugin and our profile
 * operations share these rules.
 */
export const USERNAME_MIN_LENGTH = 3;
export const USERNAME_MAX_LENGTH = 30;
const USERNAME_PATTERN = /^[a-z0-9_]+$/;

export function normalizeUsername(value: string): string {
  return value.trim().toLowerCase();
}

export function isValidUsername(normalized: string): boolean {
  return (
    normalized.length >= USERNAME_MIN_LENGTH &&
    normalized.length <= USERNAME_MAX_LENGTH &&
    USERNAME_PATTERN.test(normalized)
  );
}

/** Zod schema for forms and tRPC inputs; yields the normalized name. */
export const UsernameSchema = z
  .string()
  .transform(normalizeUsername)
  .pipe(
    z
      .string()
      .min(USERNAME_MIN_LENGTH, `Use at least ${USERNAME_MIN_LENGTH} characters.`)
      .max(USERNAME_MAX_LENGTH, `Use at most ${USERNAME_MAX_LENGTH} characters.`)
      .regex(USERNAME_PATTERN, "Use only letters, digits and underscores."),
  );

export const DisplayNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a display name.")
  .max(60, "Use at most 60 characters.");
