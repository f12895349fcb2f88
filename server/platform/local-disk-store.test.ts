import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalDiskStore } from "./local-disk-store";
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
