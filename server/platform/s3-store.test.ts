import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeObjectStoreContract, readAll } from "./object-store-contract";
import type { ObjectStore } from "./object-store";
import { createS3Store } from "./s3-store";
import { startS3TestServer, type S3TestServer } from "./s3-test-server";

/** S3's smallest part: the contract's big bodies go up as multipart uploads of several parts. */
const PART_BYTES = 5 * 1024 * 1024;

let server: S3TestServer;
let store: ObjectStore;

beforeAll(async () => {
  server = await startS3TestServer();
  store = createS3Store(server.settings, { partBytes: PART_BYTES, listPageKeys: 3 });
});
afterAll(() => server.close());

describeObjectStoreContract("S3 store", () => store);

describe("S3 store", () => {
  it("sends a body that fits one part as one PUT and a larger one as a multipart upload", async () => {
    await store.putObject("how/small", Buffer.alloc(PART_BYTES - 1, 1), { contentType: "application/octet-stream" });
    await store.putObject("how/large", Buffer.alloc(2 * PART_BYTES + 1, 2), { contentType: "application/octet-stream" });
    // The server reports creations over IPC, which may trail its HTTP answers.
    await expect.poll(() => server.creations.filter((creation) => creation.key.startsWith("how/"))).toEqual([
      { key: "how/small", how: "ObjectCreated:Put" },
      { key: "how/large", how: "ObjectCreated:Post" },
    ]);
    const large = await store.getObject("how/large", { range: { start: PART_BYTES - 2, end: PART_BYTES + 1 } });
    expect([...(await readAll(large.body))]).toEqual([2, 2, 2, 2]);
  });

  it("fails loudly when the service refuses the credentials", async () => {
    const stranger = createS3Store({ ...server.settings, accessKeyId: "NOT-A-KEY" });
    await expect(stranger.statObject("how/small")).rejects.toThrow(/HTTP 403/);
    await expect(stranger.listObjects("how/")).rejects.toThrow(/HTTP 403 InvalidAccessKeyId/);
  });

  it("gives up on a service that takes the connection and never answers", async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const stalled = createS3Store({ ...server.settings, endpoint: `http://127.0.0.1:${port}` }, { answerTimeoutMs: 300 });
      const started = Date.now();
      await expect(stalled.statObject("how/small")).rejects.toThrow(/no answer within 0.3 s/);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });
});
