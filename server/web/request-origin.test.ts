import { afterEach, describe, expect, it, vi } from "vitest";

/** request-origin.ts reads env at import: each case loads it afresh under the settings it needs. */
async function load(settings: Record<string, string> = {}) {
  vi.resetModules();
  vi.unstubAllEnvs();
  vi.stubEnv("APP_URL", "");
  vi.stubEnv("TRUSTED_PROXIES", "");
  vi.stubEnv("PORT", "3000");
  for (const [name, value] of Object.entries(settings)) vi.stubEnv(name, value);
  return (await import("./request-origin")).requestOrigin;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

/** Headers as a route handler sees them behind server/web/main.ts: the socket peer is the right-most X-Forwarded-For hop. */
function request(peer: string, headers: Record<string, string>): Headers {
  return new Headers({ ...headers, "x-forwarded-for": peer });
}

describe("requestOrigin", () => {
  it("follows the Host the browser used when no public URL is configured", async () => {
    const requestOrigin = await load();
    expect(requestOrigin(request("127.0.0.1", { host: "127.0.0.1:3000" }))).toBe("http://127.0.0.1:3000");
    expect(requestOrigin(request("127.0.0.1", { host: "Casebook.LAN:8080" }))).toBe("http://casebook.lan:8080");
    expect(requestOrigin(request("::1", { host: "[::1]:3000" }))).toBe("http://[::1]:3000");
  });

  it("falls back to localhost:PORT for a missing or malformed Host", async () => {
    const requestOrigin = await load();
    expect(requestOrigin(new Headers())).toBe("http://localhost:3000");
    expect(requestOrigin(request("127.0.0.1", { host: "evil.test/path?x=" }))).toBe("http://localhost:3000");
    expect(requestOrigin(request("127.0.0.1", { host: "a@b.test" }))).toBe("http://localhost:3000");
  });

  it("lets the configured APP_URL win over every header", async () => {
    const requestOrigin = await load({ APP_URL: "https://casebook.example/app", TRUSTED_PROXIES: "10.0.0.0/8" });
    expect(requestOrigin(request("10.0.0.2", { host: "127.0.0.1:3000", "x-forwarded-host": "other.test" }))).toBe("https://casebook.example");
  });

  it("believes X-Forwarded-Host/-Proto only from a trusted proxy", async () => {
    const forwarded = { host: "10.0.0.5:3000", "x-forwarded-host": "shop.example, inner.lan", "x-forwarded-proto": "https" };
    const untrusted = await load();
    expect(untrusted(request("10.0.0.2", forwarded))).toBe("http://10.0.0.5:3000");

    const behindProxy = await load({ TRUSTED_PROXIES: "10.0.0.0/8" });
    expect(behindProxy(request("10.0.0.2", forwarded))).toBe("https://shop.example");
    // A client outside writing the headers itself is not the peer.
    expect(behindProxy(request("203.0.113.9", forwarded))).toBe("http://10.0.0.5:3000");
    expect(behindProxy(request("10.0.0.2", { host: "10.0.0.5:3000", "x-forwarded-proto": "http" }))).toBe("http://10.0.0.5:3000");
  });
});
