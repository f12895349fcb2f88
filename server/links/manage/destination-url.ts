import { appUrl, env } from "@/server/env";
import { shortLinkOrigin } from "../short-url";

/**
 * Destination URL validation as a pipeline of named checks, each returning a
 * typed problem, so callers (REST, tRPC, tests) report the exact reason.
 * Scheme and host are case-insensitive and IDN hosts are accepted: the WHATWG
 * URL parser lower-cases them and turns Unicode hosts into punycode, and the
 * stored form is that normalised `href` (ASCII, safe in a Location header).
 */
export const MAX_URL_LENGTH = 2_048;

export type UrlProblem = "empty" | "too-long" | "unparsable" | "scheme" | "host" | "credentials" | "own-host" | "blocked-domain";
export type UrlCheck = { ok: true; url: string } | { ok: false; problem: UrlProblem; message: string };

type Check = (url: URL, context: { blockedDomains: readonly string[] }) => { problem: UrlProblem; message: string } | null;

const ALLOWED_PROTOCOLS = new Set(["http:", "https:"]);

const CHECKS: Array<[name: UrlProblem, check: Check]> = [
  ["scheme", (url) => (ALLOWED_PROTOCOLS.has(url.protocol) ? null : { problem: "scheme", message: "Only http:// and https:// links can be shortened." })],
  ["host", (url) => (url.hostname ? null : { problem: "host", message: "The link needs a host name, like example.com." })],
  [
    "credentials",
    (url) => (url.username || url.password ? { problem: "credentials", message: "Links may not contain a user name or password." } : null),
  ],
  [
    "own-host",
    (url) => (ownHosts().has(url.host.replace(/\.(?=:|$)/, "")) ? { problem: "own-host", message: "Links to this shortener would loop; please link to the destination itself." } : null),
  ],
  [
    "blocked-domain",
    (url, { blockedDomains }) => (isBlockedHost(url.hostname, blockedDomains) ? { problem: "blocked-domain", message: `Links to ${url.hostname} are not allowed.` } : null),
  ],
  [
    "too-long",
    (url) => (url.href.length > MAX_URL_LENGTH ? { problem: "too-long", message: `Links have at most ${MAX_URL_LENGTH} characters.` } : null),
  ],
];

export function checkDestinationUrl(input: string, options: { blockedDomains?: readonly string[] } = {}): UrlCheck {
  const raw = input.trim();
  if (!raw) return { ok: false, problem: "empty", message: "Please enter the link to shorten." };
  if (raw.length > MAX_URL_LENGTH) return { ok: false, problem: "too-long", message: `Links have at most ${MAX_URL_LENGTH} characters.` };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, problem: "unparsable", message: "That is not a valid link. Include the scheme, e.g. https://example.com." };
  }
  const context = { blockedDomains: options.blockedDomains ?? env.LINKS_BLOCKED_DOMAINS };
  for (const [, check] of CHECKS) {
    const failure = check(url, context);
    if (failure) return { ok: false, ...failure };
  }
  return { ok: true, url: url.href };
}

/**
 * Every name this app answers on: the short-link and public origins, and the
 * loopback names of the port it listens on (a short link to
 * http://127.0.0.1:3000/abc would redirect to itself just the same).
 */
let cachedOwnHosts: Set<string> | undefined;
function ownHosts(): Set<string> {
  const loopback = ["localhost", "127.0.0.1", "[::1]", "0.0.0.0"].map((name) => new URL(`http://${name}:${env.PORT}`).host);
  cachedOwnHosts ??= new Set([new URL(shortLinkOrigin).host, new URL(appUrl).host, ...loopback]);
  return cachedOwnHosts;
}

const normalizedBlocked = new Map<readonly string[], string[]>();
function isBlockedHost(hostname: string, list: readonly string[]): boolean {
  let domains = normalizedBlocked.get(list);
  if (!domains) {
    domains = list.map(toAsciiHost).filter((domain): domain is string => domain !== null);
    normalizedBlocked.set(list, domains);
  }
  const host = hostname.replace(/\.$/, "");
  return domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

/** "Bücher.example" → "xn--bcher-kva.example", as the URL parser does for destinations. */
function toAsciiHost(domain: string): string | null {
  try {
    return new URL(`http://${domain}`).hostname.replace(/\.$/, "");
  } catch {
    return null;
  }
}
