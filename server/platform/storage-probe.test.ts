import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createLocalDiskStore } from "./local-disk-store";
import type { ObjectStore } from "./object-store";
import { createStorageProbe } from "./storage-probe";

/** A real store that counts the writes made to it. */
function countingStore(): { store: Pick<ObjectStore, "putObject" | "deleteObject" | "statObject">; writes: () => number } {
  const disk = createLocalDiskStore(path.join(os.tmpdir(), `storage-probe-${randomUUID()}`));
  let writes = 0;
  return {
    store: {
      putObject: (...args) => ((writes += 1), disk.putObject(...args)),
      deleteObject: (key) => disk.deleteObject(key),
      statObject: (key) => disk.statObject(key),
    },
    writes: () => writes,
  };
}

describe("createStorageProbe", () => {
  it("writes and removes its object", async () => {
    const { store, writes } = countingStore();
    await createStorageProbe(store, 0)();
    expect(writes()).toBe(1);
    expect(await store.statObject("health/probe")).toBeNull();
  });

  it("answers a stream of health requests with one write per reuse window", async () => {
    const { store, writes } = countingStore();
    const probe = createStorageProbe(store, 60_000);
    await Promise.all(Array.from({ length: 20 }, () => probe()));
    await probe();
    expect(writes()).toBe(1);
  });
});
