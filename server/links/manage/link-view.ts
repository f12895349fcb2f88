import { domainToUnicode } from "node:url";
import type { Link } from "@/server/generated/prisma/client";
import { shortLinkOrigin, shortUrlFor } from "../short-url";
import { targetingView } from "./link-targeting";

export type LinkStatus = "active" | "expired" | "disabled";

/** A link as the owner sees it (tRPC and the links pages). Never carries the password hash. */
export type LinkView = {
  id: string;
  code: string;
  shortUrl: string;
  /** The destination (normalised: lower-case scheme/host, punycode for IDN hosts). */
  url: string;
  /** The destination as people read it: Unicode host and path (bücher.example, not xn--bcher-kva.example). */
  displayUrl: string;
  title: string | null;
  tags: string[];
  isAlias: boolean;
  expiresAt: Date | null;
  disabled: boolean;
  hasPassword: boolean;
  /** Other destinations by country or device, as the forms edit them; null for none. */
  targeting: ReturnType<typeof targetingView>;
  /** The card link unfurlers show: the destination's own (read by the worker after a save), or the owner's (`custom`). */
  preview: { title: string | null; description: string | null; image: string | null; custom: boolean };
  /** Non-bot clicks ingested so far; moves per ingest batch (realtime event "link.clicks"). */
  clickCount: number;
  status: LinkStatus;
  createdAt: Date;
  updatedAt: Date;
};

/** `origin`: where the short URL points (short-url.ts: shortLinkOriginFor the request). */
export function toLinkView(link: Link, now: Date = new Date(), origin: string = shortLinkOrigin): LinkView {
  return {
    id: link.id,
    code: link.code,
    shortUrl: shortUrlFor(link.code, origin),
    url: link.url,
    displayUrl: readableUrl(link.url),
    title: link.title,
    tags: link.tags,
    isAlias: link.isAlias,
    expiresAt: link.expiresAt,
    disabled: link.disabledAt !== null,
    hasPassword: link.passwordHash !== null,
    targeting: targetingView(link.targeting),
    preview: { title: link.previewTitle, description: link.previewDescription, image: link.previewImage, custom: link.previewCustom },
    clickCount: link.clickCount,
    status: link.disabledAt !== null ? "disabled" : link.expiresAt !== null && link.expiresAt <= now ? "expired" : "active",
    createdAt: link.createdAt,
    updatedAt: link.updatedAt,
  };
}

/** `url` with its host in Unicode and its path, query and fragment percent-decoded where that is valid UTF-8. */
export function readableUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const host = domainToUnicode(parsed.hostname) || parsed.hostname;
  const readable = url.replace(`//${parsed.hostname}`, `//${host}`);
  try {
    return decodeURI(readable);
  } catch {
    return readable; // a malformed escape: leave it as it is
  }
}
