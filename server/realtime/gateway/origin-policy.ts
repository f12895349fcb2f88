/**
 * Which web pages may open a WebSocket to the gateway. A browser always sends
 * `Origin` with a WebSocket handshake and a page cannot change it, so checking
 * it stops another site (or another port of the same host, which SameSite
 * cookies do not separate) from using the gateway on a visitor's behalf.
 * Server clients (the `pusher-js` Node build, benches) send no Origin and are
 * let through: they hold no visitor's cookies.
 */
export interface AllowedOrigins {
  /** Exact origins, `scheme://host[:port]`, e.g. the app's public URL. */
  origins: readonly string[];
  /**
   * Also allowed: a page served on this port of the very host the socket
   * connected to (its Host header). The browser is sent to a loopback-configured
   * gateway by the name it used for the page (LAN address, container name), so
   * the app reached by that name is still the app's own origin.
   */
  webPort?: number;
}

/** `scheme://host[:port]` of a URL, or null when it is not one. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.origin === "null" ? null : parsed.origin;
  } catch {
    return null;
  }
}

export function isOriginAllowed(policy: AllowedOrigins, origin: string | undefined, hostHeader: string | undefined): boolean {
  if (origin === undefined) return true;
  const normalized = originOf(origin);
  if (normalized === null) return false;
  if (policy.origins.includes(normalized)) return true;
  if (policy.webPort === undefined || hostHeader === undefined) return false;
  const page = new URL(normalized);
  const pagePort = page.port === "" ? (page.protocol === "https:" ? 443 : 80) : Number(page.port);
  return pagePort === policy.webPort && page.hostname === hostnameOf(hostHeader);
}

function hostnameOf(hostHeader: string): string | null {
  try {
    return new URL(`http://${hostHeader}`).hostname;
  } catch {
    return null;
  }
}
