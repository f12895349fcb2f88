import { afterEach, describe, expect, it, vi } from "vitest";

/** security-headers.ts reads env at import: each case loads it afresh under the settings it needs. */
async function load(settings: Record<string, string> = {}) {
  vi.resetModules();
  vi.unstubAllEnvs();
  for (const [name, value] of Object.entries(settings)) vi.stubEnv(name, value);
  return import("./security-headers");
}

afterEach(() => {
  vi.unstubAllEnvs();
});

function directives(policy: string): Map<string, string> {
  return new Map(policy.split(";").map((directive) => {
    const [name = "", ...sources] = directive.trim().split(/\s+/);
    return [name, sources.join(" ")];
  }));
}

describe("page security headers", () => {
  it("allow only scripts with this page's nonce, never inline ones, and nothing framing the page", async () => {
    const { pageSecurityHeaders, newNonce } = await load({ GATEWAY_PORT: "6123" });
    const nonce = newNonce();
    expect(nonce).not.toBe(newNonce());
    expect(Buffer.from(nonce, "base64")).toHaveLength(16);

    const headers = pageSecurityHeaders({ pathname: "/chat", headers: new Headers({ host: "casebook.test:3000" }), nonce });
    const policy = directives(headers["Content-Security-Policy"]);
    expect(policy.get("script-src")).toBe(`'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(policy.get("style-src")).toBe(`'self' 'nonce-${nonce}'`);
    expect(policy.get("frame-ancestors")).toBe("'none'");
    expect(policy.get("object-src")).toBe("'none'");
    expect(policy.get("img-src")).toBe("'self' data: blob: https:");
    // The loopback gateway is reached at the host the page came from, on its own port.
    expect(policy.get("connect-src")).toBe("'self' ws://casebook.test:6123");
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
    expect(headers).toMatchObject({
      "X-Frame-Options": "DENY",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    });
    expect(headers["Strict-Transport-Security"]).toBeUndefined();
  });

  it("name the configured realtime service: a TLS gateway at its public host, or Pusher Channels' cluster", async () => {
    const gateway = await load({ PUSHER_HOST: "gateway.internal", PUSHER_PUBLIC_HOST: "ws.casebook.example", PUSHER_PORT: "443", PUSHER_TLS: "true" });
    const viaGateway = gateway.pageSecurityHeaders({ pathname: "/", headers: new Headers({ host: "casebook.example" }), nonce: "n" });
    expect(directives(viaGateway["Content-Security-Policy"]).get("connect-src")).toBe("'self' wss://ws.casebook.example:443");

    const channels = await load({ PUSHER_CLUSTER: "eu" });
    const viaChannels = channels.pageSecurityHeaders({ pathname: "/", headers: new Headers({ host: "casebook.example" }), nonce: "n" });
    expect(directives(viaChannels["Content-Security-Policy"]).get("connect-src")).toBe("'self' wss://ws-eu.pusher.com");
  });
});

describe("page security headers for the Rides map", () => {
  it("let pages reach Mapbox only when a Mapbox token is set; the offline basemap needs nothing beyond 'self'", async () => {
    const offline = await load({ GATEWAY_PORT: "6123" });
    const withoutToken = offline.pageSecurityHeaders({ pathname: "/rides", headers: new Headers({ host: "casebook.test" }), nonce: "n" });
    expect(directives(withoutToken["Content-Security-Policy"]).get("connect-src")).toBe("'self' ws://casebook.test:6123");
    // maplibre-gl and mapbox-gl run their workers from blob: URLs.
    expect(directives(withoutToken["Content-Security-Policy"]).get("worker-src")).toBe("'self' blob:");

    const mapbox = await load({ GATEWAY_PORT: "6123", NEXT_PUBLIC_MAPBOX_TOKEN: "pk.test-token" });
    const withToken = mapbox.pageSecurityHeaders({ pathname: "/rides", headers: new Headers({ host: "casebook.test" }), nonce: "n" });
    expect(directives(withToken["Content-Security-Policy"]).get("connect-src")).toBe(
      "'self' ws://casebook.test:6123 https://api.mapbox.com https://*.tiles.mapbox.com https://events.mapbox.com",
    );
  });
});

describe("security headers", () => {
  it("let nothing load or run in a non-page answer", async () => {
    const { securityHeaders } = await load();
    expect(securityHeaders({ pathname: "/api/health", headers: new Headers() })["Content-Security-Policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it("allow geolocation on /rides pages only", async () => {
    const { securityHeaders } = await load();
    const geolocation = (pathname: string) => /geolocation=(\S+)/.exec(securityHeaders({ pathname, headers: new Headers() })["Permissions-Policy"] ?? "")?.[1];
    expect(geolocation("/rides")).toBe("(self)");
    expect(geolocation("/rides/drive")).toBe("(self)");
    for (const pathname of ["/", "/chat", "/ridesharing", "/api/rides", "/shop/rides"]) expect(geolocation(pathname), pathname).toBe("()");
    expect(securityHeaders({ pathname: "/", headers: new Headers() })["Permissions-Policy"]).toContain("camera=()");
  });

  it("send HSTS only over TLS: an https public URL, or https said by a trusted proxy", async () => {
    const forwarded = (peer: string) => new Headers({ "x-forwarded-proto": "https", "x-forwarded-for": `198.51.100.7, ${peer}` });

    const untrusted = await load();
    expect(untrusted.securityHeaders({ pathname: "/", headers: forwarded("10.0.0.2") })["Strict-Transport-Security"]).toBeUndefined();

    const behindProxy = await load({ TRUSTED_PROXIES: "10.0.0.0/8" });
    expect(behindProxy.securityHeaders({ pathname: "/", headers: forwarded("10.0.0.2") })["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
    // The client's own hop further left is not the peer: a forged header from outside changes nothing.
    expect(behindProxy.securityHeaders({ pathname: "/", headers: forwarded("203.0.113.9") })["Strict-Transport-Security"]).toBeUndefined();
    const page = behindProxy.pageSecurityHeaders({ pathname: "/", headers: forwarded("10.0.0.2"), nonce: "n" });
    expect(page["Content-Security-Policy"]).toContain("upgrade-insecure-requests");

    const publicHttps = await load({ APP_URL: "https://casebook.example" });
    expect(publicHttps.securityHeaders({ pathname: "/", headers: new Headers() })["Strict-Transport-Security"]).toBeDefined();
    expect(publicHttps.redirectSecurityHeaders({ headers: new Headers() })["Strict-Transport-Security"]).toBeDefined();
  });

  it("give a bodiless redirect only what applies to it: the referrer policy, and HSTS over TLS", async () => {
    const { redirectSecurityHeaders } = await load();
    expect(redirectSecurityHeaders({ headers: new Headers() })).toEqual({ "Referrer-Policy": "strict-origin-when-cross-origin" });
  });
});
