import type { ObjectStore } from "./object-store";

/** Probes racing on the key are harmless: deleting a deleted object succeeds. */
const PROBE_KEY = "health/probe";
const DEFAULT_REUSE_MS = 10_000;

/**
 * The health check's storage probe: it writes and removes a small object,
 * since only a write finds a full or read-only disk, or S3 credentials that
 * may read but not write. /api/health is public and a bucket bills every
 * write, so one probe's answer serves every health request for `reuseMs`.
 */
export function createStorageProbe(storage: Pick<ObjectStore, "putObject" | "deleteObject">, reuseMs = DEFAULT_REUSE_MS): () => Promise<void> {
  let last: { at: number; probe: Promise<void> } | undefined;
  return () => {
    const now = Date.now();
    if (!last || now - last.at >= reuseMs) last = { at: now, probe: writeAndRemove(storage) };
    return last.probe;
  };
}

async function writeAndRemove(storage: Pick<ObjectStore, "putObject" | "deleteObject">): Promise<void> {
  await storage.putObject(PROBE_KEY, Buffer.from("ok"), { contentType: "text/plain" });
  await storage.deleteObject(PROBE_KEY);
}
