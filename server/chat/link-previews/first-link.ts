/** The same links the message text shows as links (components/chat/message-text.tsx). */
const LINK = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/i;

/** The longest URL a preview is fetched for. */
export const LINK_PREVIEW_MAX_URL_LENGTH = 2_000;

/** The first http(s) link of a message body, the one its preview is about; null when there is none. */
export function firstLinkIn(body: string): string | null {
  const match = LINK.exec(body)?.[0];
  if (!match || match.length > LINK_PREVIEW_MAX_URL_LENGTH) return null;
  try {
    const url = new URL(match);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null; // not a URL after all ("http://" alone): no preview
  }
}
