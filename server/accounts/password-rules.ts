/** The new-password rules as forms show them; pure, so client components import it (the list itself stays on the server). */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_RULES = `At least ${PASSWORD_MIN_LENGTH} characters, and not a commonly used password.`;

/** better-auth error codes about a new password, with the sentence shown next to the field. */
export const PASSWORD_ERROR_MESSAGES: Record<string, string> = {
  PASSWORD_TOO_SHORT: `Use at least ${PASSWORD_MIN_LENGTH} characters.`,
  PASSWORD_TOO_LONG: `Use at most ${PASSWORD_MAX_LENGTH} characters.`,
  PASSWORD_TOO_COMMON: "This password is too common and easy to guess. Choose another one.",
};
