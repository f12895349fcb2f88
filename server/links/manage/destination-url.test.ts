import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.APP_URL = "https://casebook.test";
  process.env.SHORT_LINK_BASE_URL = "https://cb.test";
  process.env.PORT = "3999";
  process.env.LINKS_BLOCKED_DOMAINS = "evil.example, Bücher.example";
});

import { checkDestinationUrl } from "./destination-url";

describe("checkDestinationUrl", () => {
  it.each([
    ["https://example.com/path?q=1#frag", "https://example.com/path?q=1#frag"],
    ["http://example.com", "http://example.com/"],
    ["HTTPS://EXAMPLE.COM/A", "https://example.com/A"],
    ["HtTp://Example.com", "http://example.com/"],
    ["https://bücher.de/x", "https://xn--bcher-kva.de/x"],
    ["https://例え.jp/", "https://xn--r8jz45g.jp/"],
    ["  https://example.com/trimmed  ", "https://example.com/trimmed"],
    ["https://example.com:8443/port", "https://example.com:8443/port"],
    ["https://casebook.test:8080/other-port", "https://casebook.test:8080/other-port"],
    ["https://notevil.example/", "https://notevil.example/"],
  ])("accepts %s", (input, normalized) => {
    expect(checkDestinationUrl(input)).toEqual({ ok: true, url: normalized });
  });

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["example.com", "unparsable"],
    ["not a url", "unparsable"],
    ["javascript:alert(1)", "scheme"],
    ["JAVASCRIPT:alert(1)", "scheme"],
    ["data:text/html,<script>alert(1)</script>", "scheme"],
    ["file:///etc/passwd", "scheme"],
    ["ftp://example.com/file", "scheme"],
    ["mailto:someone@example.com", "scheme"],
    ["https://user:pass@example.com/", "credentials"],
    ["https://user@example.com/", "credentials"],
    ["https://cb.test/abc1234", "own-host"],
    ["https://CB.TEST/abc1234", "own-host"],
    ["https://casebook.test/links", "own-host"],
    ["https://casebook.test./links", "own-host"],
    ["http://127.0.0.1:3999/abc1234", "own-host"],
    ["http://localhost:3999/abc1234", "own-host"],
    ["http://LOCALHOST.:3999/abc1234", "own-host"],
    ["http://[::1]:3999/abc1234", "own-host"],
    ["http://0.0.0.0:3999/abc1234", "own-host"],
    ["https://evil.example/", "blocked-domain"],
    ["https://deep.sub.evil.example/x", "blocked-domain"],
    ["https://EVIL.example./x", "blocked-domain"],
    ["https://xn--bcher-kva.example/", "blocked-domain"],
    ["https://bücher.example/", "blocked-domain"],
    [`https://example.com/${"a".repeat(2_040)}`, "too-long"],
  ])("rejects %s (%s)", (input, problem) => {
    expect(checkDestinationUrl(input)).toMatchObject({ ok: false, problem });
  });

  it("accepts exactly 2,048 characters", () => {
    const base = "https://example.com/";
    const url = base + "a".repeat(2_048 - base.length);
    expect(checkDestinationUrl(url)).toEqual({ ok: true, url });
  });

  it("takes the blocked list from the caller when given", () => {
    expect(checkDestinationUrl("https://evil.example/", { blockedDomains: [] })).toMatchObject({ ok: true });
    expect(checkDestinationUrl("https://a.other.test/", { blockedDomains: ["other.test"] })).toMatchObject({ ok: false, problem: "blocked-domain" });
  });
});
