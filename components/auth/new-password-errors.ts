import { PASSWORD_ERROR_MESSAGES, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/server/accounts/password-rules";

/** What the browser can tell about a new password and its repetition before sending them (the server's policy has the last word). */
export function newPasswordErrors(password: string, confirm: string): { password?: string; confirm?: string } {
  const errors: { password?: string; confirm?: string } = {};
  if (password.length < PASSWORD_MIN_LENGTH) errors.password = PASSWORD_ERROR_MESSAGES.PASSWORD_TOO_SHORT;
  else if (password.length > PASSWORD_MAX_LENGTH) errors.password = PASSWORD_ERROR_MESSAGES.PASSWORD_TOO_LONG;
  if (confirm !== password) errors.confirm = "The two passwords differ.";
  return errors;
}
