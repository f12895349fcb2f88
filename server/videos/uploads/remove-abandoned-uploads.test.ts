import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.VIDEO_ABANDONED_UPLOAD_HOURS = "24";
});

const { createTestUser } = await import("@/server/accounts/test-users");
const { db } = await import("@/server/platform/db");
const { storage } = await import("@/server/platform/storage");
const { partKey, uploadPartsPrefix } = await import("./upload-parts");
const { removeAbandonedUploads } = await import("./remove-abandoned-uploads");

/** Uploads nobody finished within VIDEO_ABANDONED_UPLOAD_HOURS (24) are removed, files and parts; anything else stays, the parts of a finished one waiting for its stitch too. */
afterAll(async () => {
  await db.$disconnect();
});

const HOUR = 3600 * 1000;

/** A video row created `hoursAgo`, and (when `lastChunkHoursAgo` is set) a stored chunk of its upload that arrived then. */
async function upload(ownerId: string, { hoursAgo, lastChunkHoursAgo, status = "uploading" }: { hoursAgo: number; lastChunkHoursAgo?: number; status?: "uploading" | "processing" }) {
  const id = randomUUID().replaceAll("-", "").slice(0, 24);
  const lastChunkAt = lastChunkHoursAgo === undefined ? null : new Date(Date.now() - lastChunkHoursAgo * HOUR);
  await db.video.create({
    data: { id, ownerId, title: "Upload", status, createdAt: new Date(Date.now() - hoursAgo * HOUR), sourceName: "a.mp4", sourceType: "video/mp4", sourceBytes: 10n, uploadedBytes: lastChunkAt ? 4n : 0n, lastChunkAt },
  });
  if (lastChunkAt) await storage.putObject(partKey(id, 0, 4), Buffer.from("half"), { contentType: "application/octet-stream" });
  return id;
}

const exists = async (id: string) => (await db.video.count({ where: { id } })) === 1;

describe("removeAbandonedUploads", () => {
  it("removes an upload whose last chunk is older than the limit, and one that never got a chunk; keeps slow, recent and finished ones", async () => {
    const owner = (await createTestUser(db)).id;
    const stale = await upload(owner, { hoursAgo: 30, lastChunkHoursAgo: 25 });
    const empty = await upload(owner, { hoursAgo: 25 });
    const slow = await upload(owner, { hoursAgo: 30, lastChunkHoursAgo: 1 });
    const recent = await upload(owner, { hoursAgo: 2, lastChunkHoursAgo: 2 });
    // Every byte arrived two days ago, and the worker has not stitched its parts yet (a long queue, workers down).
    const finished = await upload(owner, { hoursAgo: 48, lastChunkHoursAgo: 47, status: "processing" });
    await storage.putObject(`videos/${stale}/source`, Buffer.from("half"), { contentType: "video/mp4", ownerId: owner });

    expect(await removeAbandonedUploads({ db, storage })).toBeGreaterThanOrEqual(2);
    expect(await exists(stale)).toBe(false);
    expect(await exists(empty)).toBe(false);
    expect(await storage.listObjects(`videos/${stale}/`)).toEqual([]);

    for (const kept of [slow, recent, finished]) expect(await exists(kept), kept).toBe(true);
    expect(await storage.listObjects(uploadPartsPrefix(slow))).toHaveLength(1);
    expect(await storage.listObjects(uploadPartsPrefix(finished))).toHaveLength(1);
  });
});
