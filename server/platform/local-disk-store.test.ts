import { spawn } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PassThrough, Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ABANDONED_TEMP_FILE_MS, createLocalDiskStore } from "./local-disk-store";
import { describeObjectStoreContract, rejection } from "./object-store-contract";
import type { ObjectStore } from "./object-store";

let root: string;
let store: ObjectStore;

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "casebook-storage-test-"));
  store = createLocalDiskStore(root);
});
afterAll(() => fs.rm(root, { recursive: true, force: true }));

const TEXT = Buffer.from("0123456789abcdefghijklmnopqrstuvwxyz");

describeObjectStoreContract("local disk store", () => store);

describe("local disk store", () => {
  it("keeps the metadata in a sidecar file beside the bytes", async () => {
    const written = await store.putObject("sidecar/u1/a.txt", TEXT, { contentType: "text/plain", ownerId: "u1" });
    const sidecar = JSON.parse(await fs.readFile(path.join(root, "meta", "sidecar/u1/a.txt"), "utf8"));
    expect(sidecar).toEqual(written);
    expect(await fs.readFile(path.join(root, "objects", "sidecar/u1/a.txt"))).toEqual(TEXT);
  });

  it("leaves no temporary file behind an upload past maxBytes", async () => {
    const chunks = Array.from({ length: 20 }, () => Buffer.alloc(1024, 1));
    expect((await rejection(store.putObject("tmp-check/file", Readable.from(chunks), { contentType: "text/plain", maxBytes: 5000 }))).code).toBe("PAYLOAD_TOO_LARGE");
    expect(await fs.readdir(path.join(root, "tmp"))).toEqual([]);
  });

  it("never writes outside its directory for a key that tries to", async () => {
    const outside = path.join(path.dirname(root), `escaped-${path.basename(root)}`);
    for (const key of ["../escaped", `../${path.basename(outside)}`]) {
      expect((await rejection(store.putObject(key, TEXT, { contentType: "text/plain" }))).code).toBe("BAD_REQUEST");
    }
    await expect(fs.access(outside)).rejects.toThrow();
  });

  it("reports a key that clashes with an existing object as a conflict", async () => {
    await store.putObject("clash/a", TEXT, { contentType: "text/plain" });
    expect((await rejection(store.putObject("clash/a/b", TEXT, { contentType: "text/plain" }))).code).toBe("CONFLICT");
    expect(await fs.readdir(path.join(root, "tmp"))).toEqual([]);
  });

  it("closes the file when a reader cancels mid-stream", async () => {
    await store.putObject("cancel/big", Buffer.alloc(1024 * 1024, 3), { contentType: "application/octet-stream" });
    const openFiles = () => fs.readdir("/proc/self/fd").then((fds) => fds.length);
    const before = await openFiles();
    const read = await store.getObject("cancel/big");
    expect(await openFiles()).toBe(before + 1);
    const reader = read.body.getReader();
    expect((await reader.read()).value?.length).toBe(64 * 1024);
    await reader.cancel();
    expect(await openFiles()).toBe(before);
  });
});

/** A writer process: one chunk of an upload on disk, then it waits for bytes that never come. */
const STALLED_WRITER = `
const { Readable } = await import("node:stream");
const { createLocalDiskStore } = await import("./server/platform/local-disk-store.ts");
async function* body() {
  yield Buffer.alloc(${64 * 1024}, 7);
  await new Promise(() => setInterval(() => undefined, 1 << 30));
}
await createLocalDiskStore(process.argv[1]).putObject("killed/source", Readable.from(body()), { contentType: "video/mp4" });
`;
const CHUNK = 64 * 1024;

describe("local disk store: temp files of killed writes", () => {
  it("the next process's first write removes a killed writer's temp file once abandoned, keeps a live write's, and that write completes", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "casebook-storage-killed-"));
    const tmp = path.join(dir, "tmp");
    try {
      // Killed mid-write with SIGKILL, as a crash or the OOM killer would: no catch or cleanup of its own runs.
      const writer = spawn(process.execPath, ["--import", "./scripts/node/register.mjs", "--input-type=module", "-e", STALLED_WRITER, dir], {
        cwd: path.resolve(import.meta.dirname, "../.."),
        stdio: "ignore",
      });
      const exited = once(writer, "exit");
      await expect.poll(() => tempFileSizes(tmp), { timeout: 15_000 }).toEqual([CHUNK]);
      const [dead = ""] = await fs.readdir(tmp);
      writer.kill("SIGKILL");
      await exited;
      expect(await tempFileSizes(tmp)).toEqual([CHUNK]);

      // A live write in this process, half done; its store sweeps first, while the dead file is still recent.
      const body = new PassThrough();
      body.write(Buffer.alloc(CHUNK, 1));
      const liveWrite = createLocalDiskStore(dir).putObject("live/source", body, { contentType: "video/mp4" });
      await expect.poll(() => tempFileSizes(tmp)).toEqual([CHUNK, CHUNK]);

      // Nothing has touched the dead file for longer than the limit (its mtime says so); the live one was just written.
      const past = new Date(Date.now() - ABANDONED_TEMP_FILE_MS - 60_000);
      await fs.utimes(path.join(tmp, dead), past, past);
      const restarted = createLocalDiskStore(dir);
      await restarted.putObject("after/restart", TEXT, { contentType: "text/plain" });
      const left = await fs.readdir(tmp);
      expect(left).toHaveLength(1);
      expect(left).not.toContain(dead);

      body.end(Buffer.alloc(CHUNK, 2));
      expect((await liveWrite).size).toBe(2 * CHUNK);
      const read = Buffer.from(await new Response((await restarted.getObject("live/source")).body).arrayBuffer());
      expect(read).toEqual(Buffer.concat([Buffer.alloc(CHUNK, 1), Buffer.alloc(CHUNK, 2)]));
      expect(await fs.readdir(tmp)).toEqual([]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

/** Sizes of the files in `tmp`, smallest first ([] while it does not exist). */
async function tempFileSizes(tmp: string): Promise<number[]> {
  const names = await fs.readdir(tmp).catch(() => []);
  const sizes = await Promise.all(names.map(async (name) => (await fs.stat(path.join(tmp, name))).size));
  return sizes.sort((a, b) => a - b);
}
