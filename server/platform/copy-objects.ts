import "server-only";
import { AppError } from "@/server/errors";
import type { ObjectStore } from "./object-store";

export type CopyReport = { copied: number; skipped: number; bytes: number };

/**
 * Copies every object under `prefix` from one store to another with its
 * metadata (type, owner, visibility, the immutable promise), each body
 * streamed through: how a deployment moves the local-disk store's files into
 * its bucket (`npm run storage:copy-to-s3`). Run again, it copies only what is
 * missing or may have changed: an object already there with the same size is
 * skipped when it is immutable or was stored there in a later second than it
 * was written here (so a file rewritten since the last run goes over again).
 * An object deleted while the copy runs is passed over.
 */
export async function copyObjects({ from, to, prefix = "", onCopied }: { from: ObjectStore; to: ObjectStore; prefix?: string; onCopied?: (key: string, report: CopyReport) => void }): Promise<CopyReport> {
  const report: CopyReport = { copied: 0, skipped: 0, bytes: 0 };
  for (const key of await from.listObjects(prefix)) {
    const there = await to.statObject(key);
    let object;
    try {
      object = await from.getObject(key);
    } catch (error) {
      if (error instanceof AppError && error.code === "NOT_FOUND") continue;
      throw error;
    }
    if (there && there.size === object.size && (object.immutable || wholeSeconds(there.createdAt) > wholeSeconds(object.createdAt))) {
      await object.body.cancel();
      report.skipped++;
      continue;
    }
    await to.putObject(key, object.body, { contentType: object.contentType, ownerId: object.ownerId, visibility: object.visibility, immutable: object.immutable });
    report.copied++;
    report.bytes += object.size;
    onCopied?.(key, report);
  }
  return report;
}

/** S3 keeps Last-Modified to the second: compare both sides at that precision. */
function wholeSeconds(isoDate: string): number {
  return Math.floor(Date.parse(isoDate) / 1000);
}
