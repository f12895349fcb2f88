/** The six systems, in the order the header and the home page show them. */
export type SystemSlug = "links" | "chat" | "feed" | "shop" | "videos" | "rides";

export type SystemInfo = {
  slug: SystemSlug;
  name: string;
  href: `/${SystemSlug}`;
  /** What it is, in a few words. */
  kind: string;
  /** One line on what it demonstrates (home card). */
  summary: string;
};

export const SYSTEMS: readonly SystemInfo[] = [
  {
    slug: "links",
    name: "Links",
    href: "/links",
    kind: "URL shortener",
    summary: "Redirects served from cache in milliseconds, with click analytics ingested off the hot path.",
  },
  {
    slug: "chat",
    name: "Chat",
    href: "/chat",
    kind: "Realtime messaging",
    summary: "Ordered, gap-free, idempotent messages with presence and typing over WebSockets.",
  },
  {
    slug: "feed",
    name: "Feed",
    href: "/feed",
    kind: "Social timeline",
    summary: "A home timeline built by fan-out on write, merged at read time for very popular authors.",
  },
  {
    slug: "shop",
    name: "Shop",
    href: "/shop",
    kind: "Storefront",
    summary: "Checkout with Stripe where stock never goes negative and reservations expire on their own.",
  },
  {
    slug: "videos",
    name: "Video",
    href: "/videos",
    kind: "Video platform",
    summary: "Uploads transcoded to an adaptive HLS ladder by background workers, played with hls.js.",
  },
  {
    slug: "rides",
    name: "Rides",
    href: "/rides",
    kind: "Ride sharing",
    summary: "Nearby drivers found in a Redis geo index and matched atomically on a live map.",
  },
];

export function systemBySlug(slug: SystemSlug): SystemInfo {
  const system = SYSTEMS.find((candidate) => candidate.slug === slug);
  if (!system) throw new Error(`Unknown system ${slug}`);
  return system;
}
