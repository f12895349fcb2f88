import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listenLocally, type LocalHttpServer } from "@/server/testing/local-http-server";
import { toAnswer, toResponse } from "./fetch-request";
import { sendNodeAnswer } from "./node-request";

/**
 * A streamed answer (a file from storage) whose client goes away mid-way:
 * the body stream must be cancelled, which is what closes the file handle
 * (local-disk-store.ts). Piped without that, the handle lived until garbage
 * collection ("Closing file descriptor ... on garbage collection").
 */
let server: LocalHttpServer;
let base: string;
let cancelled: Promise<unknown>;

beforeAll(async () => {
  server = await listenLocally((_request, response) => {
    let markCancelled: (reason: unknown) => void = () => undefined;
    cancelled = new Promise((resolve) => (markCancelled = resolve));
    // An endless body, a chunk per read, like a large segment read on demand.
    const body = new ReadableStream<Uint8Array>({ pull: (controller) => controller.enqueue(new Uint8Array(64 * 1024)), cancel: (reason) => markCancelled(reason ?? "cancelled") }, { highWaterMark: 0 });
    sendNodeAnswer(response, { status: 200, headers: { "Content-Type": "video/mp2t" }, body }, "GET");
  });
  base = server.base;
});

afterAll(() => server.close());

describe("sendNodeAnswer with a streamed body", () => {
  it("cancels the body when the client aborts mid-way, so what it reads from is closed", async () => {
    await new Promise<void>((resolve, reject) => {
      const request = http.get(base, (response) => {
        response.once("data", () => {
          request.destroy();
          resolve();
        });
      });
      request.on("error", (error) => (request.destroyed ? undefined : reject(error)));
    });
    await expect(Promise.race([cancelled.then(() => "cancelled"), new Promise((resolve) => setTimeout(() => resolve("still open"), 5_000))])).resolves.toBe("cancelled");
  });
});

describe("Set-Cookie through an Answer", () => {
  it("keeps each cookie of a fetch Response a header of its own, on node:http and back on a Response", async () => {
    const original = new Response("{}", { headers: [["Set-Cookie", "a=1; Path=/"], ["Set-Cookie", "b=2; Path=/; HttpOnly"], ["Content-Type", "application/json"]] });
    const answer = toAnswer(original);
    expect(answer.setCookies).toEqual(["a=1; Path=/", "b=2; Path=/; HttpOnly"]);
    expect(toResponse(answer, "GET").headers.getSetCookie()).toEqual(answer.setCookies);

    const sender = await listenLocally((_request, response) => sendNodeAnswer(response, { ...answer, body: "{}" }, "GET"));
    try {
      const received = await fetch(sender.base);
      expect(received.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/; HttpOnly"]);
      expect(received.headers.get("content-type")).toBe("application/json");
    } finally {
      await sender.close();
    }
  });
});
