import { describe, expect, it, vi } from "vitest";
import { unavailablePage } from "./page-gate";

describe("unavailablePage", () => {
  it("answers a page 503 with Retry-After and a page that reloads itself while Postgres does not answer", async () => {
    const page = await unavailablePage({ method: "GET" }, "/chat/some-conversation", async () => false);
    expect(page?.status).toBe(503);
    expect(page?.headers).toMatchObject({ "Retry-After": "5", "Content-Type": "text/html; charset=utf-8" });
    expect(String(page?.body)).toContain("briefly unavailable");
    expect(String(page?.body)).toContain('http-equiv="refresh"');
  });

  it("leaves pages to Next while Postgres answers, and never asks for API routes, files or changes", async () => {
    expect(await unavailablePage({ method: "GET" }, "/chat", async () => true)).toBeNull();
    const probe = vi.fn(async () => false);
    for (const [method, path] of [["GET", "/api/health"], ["GET", "/_next/static/chunk.js"], ["GET", "/logo.svg"], ["POST", "/links"]] as const) {
      expect(await unavailablePage({ method }, path, probe)).toBeNull();
    }
    expect(probe).not.toHaveBeenCalled();
  });

  it("asks the real Postgres by default (up in tests)", async () => {
    expect(await unavailablePage({ method: "GET" }, "/feed")).toBeNull();
  });
});
