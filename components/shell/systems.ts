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
  /** Whether its page is built and working; a system's engineer flips it when the page lands. */
  live: boolean;
  /** What the finished system will let you do (placeholder page). */
  plan: string[];
};

export const SYSTEMS: readonly SystemInfo[] = [
  {
    slug: "links",
    live: true,
    name: "Links",
    href: "/links",
    kind: "URL shortener",
    summary: "Redirects served from cache in milliseconds, with click analytics ingested off the hot path.",
    plan: [
      "Shorten any URL, or pick your own alias, with an optional expiry date.",
      "Redirects answered from an in-process cache and Redis before the database.",
      "Click analytics by day, country, device, browser and referrer, with a live counter.",
      "An API with keys and rate limits for creating links in bulk.",
    ],
  },
  {
    slug: "chat",
    live: true,
    name: "Chat",
    href: "/chat",
    kind: "Realtime messaging",
    summary: "Ordered, gap-free, idempotent messages with presence and typing over WebSockets.",
    plan: [
      "Direct and group conversations, delivered in real time over the Pusher protocol.",
      "Per-conversation sequence numbers so clients detect gaps and resync.",
      "Presence, typing indicators and read receipts.",
      "Retries never duplicate a message: every send carries a client id.",
    ],
  },
  {
    slug: "feed",
    live: true,
    name: "Feed",
    href: "/feed",
    kind: "Social timeline",
    summary: "A home timeline built by fan-out on write, merged at read time for very popular authors.",
    plan: [
      "Post short updates, follow people and see their posts in your home timeline.",
      "Timelines kept in Redis sorted sets, rebuilt from Postgres on a miss.",
      "Hybrid fan-out: writes for most authors, read-time merge above a follower threshold.",
      "Likes, replies and notifications when someone follows you.",
    ],
  },
  {
    slug: "shop",
    live: true,
    name: "Shop",
    href: "/shop",
    kind: "Storefront",
    summary: "Checkout with Stripe where stock never goes negative and reservations expire on their own.",
    plan: [
      "Browse products, fill a cart and pay with Stripe Checkout (or the built-in simulator).",
      "Stock reserved for the checkout's lifetime and released when it expires.",
      "Webhooks deduplicated by event id; every Stripe call carries an idempotency key.",
      "Order history with refunds.",
    ],
  },
  {
    slug: "videos",
    live: true,
    name: "Video",
    href: "/videos",
    kind: "Video platform",
    summary: "Uploads transcoded to an adaptive HLS ladder by background workers, played with hls.js.",
    plan: [
      "Upload a video and watch its processing progress.",
      "ffmpeg transcodes a 240p/480p/720p HLS ladder in the background.",
      "Adaptive playback with hls.js, served from storage with Range support.",
      "Thumbnails, view counts and a library of your uploads.",
    ],
  },
  {
    slug: "rides",
    live: false,
    name: "Rides",
    href: "/rides",
    kind: "Ride sharing",
    summary: "Nearby drivers found in a Redis geo index and matched atomically on a live map.",
    plan: [
      "Request a ride on a map and watch your driver approach in real time.",
      "Available drivers indexed with Redis GEO; searches start small and widen.",
      "Atomic assignment so a driver is never matched twice; offers time out.",
      "A driver mode for the demo drivers (dan_driver, erin_driver, frank_driver).",
    ],
  },
];

export function systemBySlug(slug: SystemSlug): SystemInfo {
  const system = SYSTEMS.find((candidate) => candidate.slug === slug);
  if (!system) throw new Error(`Unknown system ${slug}`);
  return system;
}
