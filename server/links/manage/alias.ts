import { CODE_ALPHABET, CODE_LENGTH } from "./short-code";

/**
 * Custom aliases share the namespace of generated codes and of the app's own
 * top-level routes, so a path segment is either a page or a short link, never
 * both. Aliases are case-sensitive ("Sale" and "sale" are different links);
 * reserved words are matched case-insensitively so "API" or "Links" cannot
 * pose as the app.
 */
export const ALIAS_MIN_LENGTH = 3;
export const ALIAS_MAX_LENGTH = 50;
const ALIAS_PATTERN = /^[A-Za-z0-9_-]{3,50}$/;
const CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/**
 * Every top-level path of the app (present and planned) plus the well-known
 * files browsers and crawlers ask for. Keep in step with app/.
 */
export const RESERVED_WORDS: ReadonlySet<string> = new Set(
  [
    // systems and their pages
    "links", "chat", "feed", "shop", "videos", "video", "rides", "ride", "notifications", "settings",
    "sign-in", "sign-up", "sign-out", "signin", "signup", "login", "logout", "register", "auth",
    "forgot-password", "reset-password",
    "account", "accounts", "profile", "profiles", "u", "users", "user", "admin", "dashboard", "home",
    "checkout", "cart", "orders", "order", "products", "product", "search", "explore", "messages",
    "upload", "uploads", "media", "maps", "map", "tiles", "help", "about", "terms", "privacy", "docs", "pay", "payments",
    // framework and infrastructure
    "api", "_next", "static", "public", "assets", "health", "status", "trpc", "webhooks",
    ".well-known", "favicon.ico", "robots.txt", "sitemap.xml", "manifest.json", "manifest.webmanifest",
    "apple-touch-icon.png", "icon.png", "icon.svg", "opengraph-image", "twitter-image",
  ].map((word) => word.toLowerCase()),
);

export type AliasProblem = "length" | "characters" | "reserved";
export type AliasCheck = { ok: true; alias: string } | { ok: false; problem: AliasProblem; message: string };

export function checkAlias(alias: string): AliasCheck {
  if (alias.length < ALIAS_MIN_LENGTH || alias.length > ALIAS_MAX_LENGTH) {
    return { ok: false, problem: "length", message: `A custom alias has ${ALIAS_MIN_LENGTH}–${ALIAS_MAX_LENGTH} characters.` };
  }
  if (!ALIAS_PATTERN.test(alias)) {
    return { ok: false, problem: "characters", message: "A custom alias may contain only letters, digits, '-' and '_'." };
  }
  if (isReservedWord(alias)) {
    return { ok: false, problem: "reserved", message: `"${alias}" is reserved by Casebook. Please choose another alias.` };
  }
  return { ok: true, alias };
}

export function isReservedWord(segment: string): boolean {
  return RESERVED_WORDS.has(segment.toLowerCase());
}

/**
 * True when a path segment could name a link (a generated code or an alias).
 * Anything else is answered 404 without touching Redis or Postgres, and the
 * self-hosted fast path leaves it to Next.
 */
export function isLinkShaped(segment: string): boolean {
  return (CODE_PATTERN.test(segment) || ALIAS_PATTERN.test(segment)) && !isReservedWord(segment);
}
