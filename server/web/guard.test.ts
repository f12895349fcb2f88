import { describe, expect, it } from "vitest";
import { appUrl } from "@/server/env";
import { AppError } from "@/server/errors";
import { guardRequest } from "./guard";

/** The request guard's rules on their own (the routes that use it are tested in request-guard.test.ts). */
function verdict(method: string, headers: Record<string, string>): number | "pass" {
  try {
    guardRequest({ method, header: (name) => headers[name] });
    return "pass";
  } catch (error) {
    return error instanceof AppError ? error.httpStatus : 500;
  }
}

const cookie = "better-auth.session_token=abc";
const host = "casebook.test:3000";

describe("guardRequest", () => {
  it("refuses a cookie-carrying change from another origin, another port of this host included", () => {
    expect(verdict("POST", { cookie, host, origin: "https://evil.example" })).toBe(403);
    expect(verdict("POST", { cookie, host, origin: "http://casebook.test:4000" })).toBe(403);
    expect(verdict("DELETE", { cookie, host, origin: "http://casebook.test" })).toBe(403);
    expect(verdict("POST", { cookie, host, origin: "null" })).toBe(403);
    expect(verdict("POST", { cookie, host, origin: "file:///x" })).toBe(403);
  });

  it("refuses Sec-Fetch-Site cross-site or same-site when no Origin proves the origin", () => {
    expect(verdict("POST", { cookie, host, "sec-fetch-site": "cross-site" })).toBe(403);
    expect(verdict("POST", { cookie, host, "sec-fetch-site": "same-site" })).toBe(403);
    expect(verdict("POST", { cookie, host, "sec-fetch-site": "same-origin" })).toBe("pass");
    expect(verdict("POST", { cookie, host, "sec-fetch-site": "none" })).toBe("pass");
  });

  it("passes the request's own origin and the configured APP_URL", () => {
    expect(verdict("POST", { cookie, host, origin: "http://casebook.test:3000" })).toBe("pass");
    // Behind a TLS-terminating proxy the Host is the same and the scheme differs.
    expect(verdict("POST", { cookie, host, origin: "https://casebook.test:3000" })).toBe("pass");
    expect(verdict("POST", { cookie, host: "127.0.0.1:3000", origin: new URL(appUrl).origin })).toBe("pass");
    expect(verdict("POST", { cookie, host, origin: "http://casebook.test:3000", "sec-fetch-site": "same-site" })).toBe("pass");
  });

  it("passes what no cookie authenticates: no Origin at all (curl), no cookie, an API key, a safe method", () => {
    expect(verdict("POST", { cookie, host })).toBe("pass");
    expect(verdict("POST", { host, origin: "https://evil.example" })).toBe("pass");
    expect(verdict("POST", { cookie, host, origin: "https://evil.example", authorization: "Bearer cbk_x" })).toBe("pass");
    expect(verdict("GET", { cookie, host, origin: "https://evil.example" })).toBe("pass");
  });
});
