import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { listenLocally, type LocalHttpServer } from "@/server/testing/local-http-server";
import { createNextForwarder } from "./forward-to-next";

/**
 * The web process's forwarding to Next (server/web/next-child.ts), between
 * two real servers: a stand-in for Next on a Unix socket, and the front
 * listener on TCP that forwards every request to it.
 */
const directory = fs.mkdtempSync(path.join(os.tmpdir(), "casebook-forward-test-"));
const socketPath = path.join(directory, "next.sock");
let upstreamHandler: http.RequestListener = () => {};
const upstream = http.createServer((request, response) => upstreamHandler(request, response));
const forwarder = createNextForwarder(socketPath);
let front: LocalHttpServer;
let base = "";

beforeAll(async () => {
  front = await listenLocally((request, response) => forwarder.forward(request, response));
  base = front.base;
});

afterEach(async () => {
  if (upstream.listening) await new Promise((resolve) => upstream.close(resolve));
});

afterAll(async () => {
  forwarder.close();
  await front.close();
  fs.rmSync(directory, { recursive: true, force: true });
});

function serveUpstream(handler: http.RequestListener): Promise<void> {
  upstreamHandler = handler;
  fs.rmSync(socketPath, { force: true });
  return new Promise((resolve) => upstream.listen(socketPath, resolve));
}

function streamOf(response: Response): ReadableStream<Uint8Array> {
  if (!response.body) throw new Error("the answer has no body");
  return response.body;
}

async function readBody(request: http.IncomingMessage): Promise<string> {
  let body = "";
  for await (const chunk of request) body += String(chunk);
  return body;
}

describe("forwarding to Next", () => {
  it("passes method, path, query, body and end-to-end headers, and drops hop-by-hop ones", async () => {
    let seen: { method?: string; url?: string; body: string; headers: http.IncomingHttpHeaders } | undefined;
    await serveUpstream(async (request, response) => {
      seen = { method: request.method, url: request.url, body: await readBody(request), headers: request.headers };
      response.writeHead(201, { "Content-Type": "application/json" });
      response.end('{"ok":true}');
    });
    // node:http, not fetch: fetch refuses to send hop-by-hop headers at all.
    const response = await new Promise<{ status?: number; body: string }>((resolve, reject) => {
      const request = http.request(`${base}/api/trpc/x?batch=1`, {
        method: "POST",
        headers: { "x-forwarded-for": "203.0.113.7", cookie: "session=abc", "keep-alive": "timeout=99", "content-type": "text/plain" },
      });
      request.on("response", (answer) => void readBody(answer).then((body) => resolve({ status: answer.statusCode, body }), reject));
      request.on("error", reject);
      request.end("a=1");
    });
    expect(response.status).toBe(201);
    expect(response.body).toBe('{"ok":true}');
    expect(seen?.method).toBe("POST");
    expect(seen?.url).toBe("/api/trpc/x?batch=1");
    expect(seen?.body).toBe("a=1");
    expect(seen?.headers["x-forwarded-for"]).toBe("203.0.113.7");
    expect(seen?.headers.cookie).toBe("session=abc");
    expect(seen?.headers.host).toBe(new URL(base).host);
    expect(seen?.headers["keep-alive"]).toBeUndefined();
  });

  it("keeps repeated Set-Cookie headers apart and sends one Date", async () => {
    await serveUpstream((_request, response) => {
      response.setHeader("Set-Cookie", ["a=1; Path=/", "b=2; Path=/; HttpOnly"]);
      response.end("ok");
    });
    const response = await fetch(base);
    expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/; HttpOnly"]);
    expect(response.headers.get("date")?.split(",")).toHaveLength(2);
  });

  it("streams the answer as Next writes it, not when it ends", async () => {
    let finish: () => void = () => {};
    await serveUpstream((_request, response) => {
      response.writeHead(200, { "Content-Type": "text/event-stream" });
      response.write("data: first\n\n");
      finish = () => response.end("data: last\n\n");
    });
    const response = await fetch(base);
    const reader = streamOf(response).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe("data: first\n\n");
    finish();
    let rest = "";
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += new TextDecoder().decode(chunk.value);
    expect(rest).toBe("data: last\n\n");
  });

  it("ends Next's request when the visitor leaves mid-answer", async () => {
    let upstreamClosed = false;
    await serveUpstream((request, response) => {
      response.writeHead(200);
      response.write("partial");
      request.on("close", () => (upstreamClosed = true));
    });
    const controller = new AbortController();
    const response = await fetch(base, { signal: controller.signal });
    await streamOf(response).getReader().read();
    controller.abort();
    await expect.poll(() => upstreamClosed).toBe(true);
  });

  it("answers 503 with a plain message while Next does not listen", async () => {
    const response = await fetch(`${base}/somewhere`);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.text()).toMatch(/briefly unavailable/);
  });
});
