/** The error shape better-auth's client returns ({ data, error }). */
export type AuthClientError = { status: number; message?: string; code?: string };

/** A sentence a person can act on, for errors not tied to one field. */
export function describeAuthError(error: AuthClientError, fallback: string): string {
  if (error.code === "EMAIL_NOT_VERIFIED") return "Confirm your email address first: we just sent you a new link.";
  if (error.status === 429) return error.message ?? "Too many attempts. Please wait a few minutes and try again.";
  if (error.status >= 500 || error.status === 0) return "We could not reach the server. Please try again in a moment.";
  return error.message ?? fallback;
}
