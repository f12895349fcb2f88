import commonPasswords from "@zxcvbn-ts/language-common/src/passwords.json";

/**
 * Rules for a new password (sign-up, reset, change): 8 to 128 characters and
 * not one of the ~49,000 most common passwords of zxcvbn-ts's ranked list
 * (compared case-insensitively). Existing passwords are not re-checked, so the
 * seeded demo accounts keep DEMO_PASSWORD.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** Shown next to every new-password field. */
export const PASSWORD_RULES = `At least ${PASSWORD_MIN_LENGTH} characters, and not a commonly used password.`;

/** Only entries that pass the length rule can decide anything. */
const COMMON = new Set(commonPasswords.filter((password) => password.length >= PASSWORD_MIN_LENGTH).map((password) => password.toLowerCase()));

export type PasswordProblem = { code: "PASSWORD_TOO_SHORT" | "PASSWORD_TOO_LONG" | "PASSWORD_TOO_COMMON"; message: string };

/** Why `password` may not be used as a new password, or null when it may. */
export function checkNewPassword(password: string): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) return { code: "PASSWORD_TOO_SHORT", message: `Use at least ${PASSWORD_MIN_LENGTH} characters.` };
  if (password.length > PASSWORD_MAX_LENGTH) return { code: "PASSWORD_TOO_LONG", message: `Use at most ${PASSWORD_MAX_LENGTH} characters.` };
  if (COMMON.has(password.toLowerCase())) {
    return { code: "PASSWORD_TOO_COMMON", message: "This password is too common and easy to guess. Choose another one." };
  }
  return null;
}
