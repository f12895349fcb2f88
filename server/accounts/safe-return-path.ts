/** Stands for the app's own origin: only whether a path leaves it matters, not which host it is. */
const OWN_ORIGIN = "http://casebook.invalid";

/**
 * C0 controls, DEL, C1 controls and backslashes. Browsers drop tabs and line
 * breaks from URLs and read "\" as "/", so "/\t/evil.example" or "/\\evil.example"
 * would leave the site although they start with a single "/".
 */
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\\]/;

/**
 * The path to go back to after signing in, or "/" for anything that could end
 * on another host. A candidate must start with "/", contain no control
 * characters or backslashes, and resolve against our origin to our origin; what
 * is returned is the normalized form, which is checked again ("/.//evil" would
 * normalize to "//evil").
 */
export function safeReturnPath(value: string | string[] | undefined): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (!candidate || !candidate.startsWith("/") || UNSAFE_CHARACTERS.test(candidate)) return "/";
  let url: URL;
  try {
    url = new URL(candidate, OWN_ORIGIN);
  } catch {
    return "/";
  }
  if (url.origin !== OWN_ORIGIN) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") ? "/" : path;
}
