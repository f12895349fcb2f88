import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listenLocally, type LocalHttpServer } from "@/server/testing/local-http-server";
import { fetchPagePreview, isNonPublicAddress, readPreview } from "./page-preview";

/** A real local web server with one page per path; the fetches below allow loopback unless a test says otherwise. */
const requests: string[] = [];
const pages: Record<string, http.RequestListener> = {
  "/og": (_request, response) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(`<!doctype html><html><head><title>Fallback</title>
      <meta property="og:title" content="Bücher &amp; more">
      <meta content='Every book, delivered.' property='og:description'>
      <meta property="og:image" content="/img/cover.png?a=1&amp;b=2">
      </head><body>…</body></html>`);
  },
  "/title-only": (_request, response) => {
    response.writeHead(200, { "Content-Type": "text/html" });
    response.end(`<html><head><title>\n  Plain   page\n</title><meta name="description" content="Said plainly."></head></html>`);
  },
  "/moved": (_request, response) => {
    response.writeHead(301, { Location: "/og" });
    response.end();
  },
  "/loop": (_request, response) => {
    response.writeHead(302, { Location: "/loop" });
    response.end();
  },
  "/json": (_request, response) => {
    response.writeHead(200, { "Content-Type": "application/json" });
    response.end('{"title":"no"}');
  },
  "/slow": () => {
    // Never answers: the fetch's own timeout ends it.
  },
  "/huge": (_request, response) => {
    response.writeHead(200, { "Content-Type": "text/html" });
    response.write(`<html><head>${" ".repeat(600 * 1024)}`);
    response.end(`<meta property="og:title" content="Past the cap"></head></html>`);
  },
};
const servePage: http.RequestListener = (request, response) => {
  requests.push(request.url ?? "");
  const page = pages[request.url ?? ""];
  if (page) return page(request, response);
  response.writeHead(404);
  response.end();
};
let server: LocalHttpServer;
let base = "";

beforeAll(async () => {
  server = await listenLocally(servePage);
  base = server.base;
});

afterAll(() => server.close());

const allowLoopback = { allowPrivate: true };

describe("fetchPagePreview", () => {
  it("reads Open Graph tags, decodes entities and resolves a relative image against the page", async () => {
    expect(await fetchPagePreview(`${base}/og`, allowLoopback)).toEqual({
      title: "Bücher & more",
      description: "Every book, delivered.",
      image: `${base}/img/cover.png?a=1&b=2`,
    });
  });

  it("falls back to <title> and the meta description, with whitespace collapsed", async () => {
    expect(await fetchPagePreview(`${base}/title-only`, allowLoopback)).toEqual({ title: "Plain page", description: "Said plainly.", image: null });
  });

  it("follows redirects up to the limit, and gives up on a loop", async () => {
    expect((await fetchPagePreview(`${base}/moved`, allowLoopback))?.title).toBe("Bücher & more");
    requests.length = 0;
    expect(await fetchPagePreview(`${base}/loop`, { ...allowLoopback, maxRedirects: 3 })).toBeNull();
    expect(requests).toEqual(["/loop", "/loop", "/loop", "/loop"]);
  });

  it("reads nothing from what is not HTML, or not there", async () => {
    expect(await fetchPagePreview(`${base}/json`, allowLoopback)).toBeNull();
    expect(await fetchPagePreview(`${base}/missing`, allowLoopback)).toBeNull();
    expect(await fetchPagePreview("ftp://example.com/file", allowLoopback)).toBeNull();
  });

  it("stops at its timeout", async () => {
    const started = performance.now();
    expect(await fetchPagePreview(`${base}/slow`, { ...allowLoopback, timeoutMs: 300 })).toBeNull();
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("reads at most maxBytes of a page", async () => {
    expect(await fetchPagePreview(`${base}/huge`, allowLoopback)).toBeNull();
    expect((await fetchPagePreview(`${base}/huge`, { ...allowLoopback, maxBytes: 2 * 1024 * 1024 }))?.title).toBe("Past the cap");
  });

  it("by default never connects to this network: loopback literals (v4 and v6) and names that resolve to it", async () => {
    requests.length = 0;
    expect(await fetchPagePreview(`${base}/og`)).toBeNull();
    expect(await fetchPagePreview(`${base.replace("127.0.0.1", "localhost")}/og`)).toBeNull();
    expect(await fetchPagePreview(`http://[::1]:${new URL(base).port}/og`)).toBeNull();
    expect(requests).toEqual([]);
  });
});

describe("isNonPublicAddress", () => {
  it.each([
    ["127.0.0.1", true],
    ["10.1.2.3", true],
    ["172.20.0.1", true],
    ["192.168.1.1", true],
    ["169.254.169.254", true],
    ["100.64.0.1", true],
    ["::1", true],
    ["fd00::1", true],
    ["fe80::1", true],
    ["::ffff:127.0.0.1", true],
    ["93.184.216.34", false],
    ["2606:4700::1111", false],
  ])("%s → %s", (address, expected) => {
    expect(isNonPublicAddress(address)).toBe(expected);
  });
});

describe("readPreview", () => {
  it("ignores non-http images and says nothing for a page without any of the three", () => {
    expect(readPreview('<meta property="og:title" content="T"><meta property="og:image" content="javascript:alert(1)">', "https://a.example/")).toEqual({ title: "T", description: null, image: null });
    expect(readPreview("<html><body>hello</body></html>", "https://a.example/")).toBeNull();
  });
});
