import commonPasswords from "@zxcvbn-ts/language-common/src/passwords.json";
import { PASSWORD_ERROR_MESSAGES, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-rules";

/**
 * Rules for a new password (sign-up, reset, change): 8 to 128 characters and
 * not one of the ~49,000 most common passwords of zxcvbn-ts's ranked list
 * (compared case-insensitively). Existing passwords are not re-checked, so the
 * seeded demo accounts keep DEMO_PASSWORD. Only entries that pass the length
 * rule can decide anything, so only those are kept.
 */
const COMMON = new Set(commonPasswords.filter((password) => password.length >= PASSWORD_MIN_LENGTH).map((password) => password.toLowerCase()));

export type PasswordProblem = { code: "PASSWORD_TOO_SHORT" | "PASSWORD_TOO_LONG" | "PASSWORD_TOO_COMMON"; message: string };

/** Why `password` may not be used as a new password, or null when it may. */
export function checkNewPassword(password: string): PasswordProblem | null {
  const code =
    password.length < PASSWORD_MIN_LENGTH
      ? "PASSWORD_TOO_SHORT"
      : password.length > PASSWORD_MAX_LENGTH
        ? "PASSWORD_TOO_LONG"
        : COMMON.has(password.toLowerCase())
          ? "PASSWORD_TOO_COMMON"
          : null;
  return code ? { code, message: PASSWORD_ERROR_MESSAGES[code] ?? code } : null;
}
