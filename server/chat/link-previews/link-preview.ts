/**
 * A message's link card as stored on it and pushed live: the page's own
 * preview (server/platform/page-preview.ts) and the link it is about. Pure:
 * the browser imports the type through chat-views.
 */
export type LinkPreview = {
  /** The link as written in the message. */
  url: string;
  title: string | null;
  description: string | null;
  /** https only: the app's CSP lets the browser load https pictures, and nothing is proxied. */
  image: string | null;
};

/** A stored preview read back from the database's JSON, or null when it is not one. */
export function readLinkPreview(value: unknown): LinkPreview | null {
  if (typeof value !== "object" || value === null) return null;
  const record = value as Record<string, unknown>;
  const text = (key: string) => (typeof record[key] === "string" ? (record[key] as string) : null);
  const url = text("url");
  return url ? { url, title: text("title"), description: text("description"), image: text("image") } : null;
}
