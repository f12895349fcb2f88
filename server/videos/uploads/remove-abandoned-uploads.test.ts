import fs from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.VIDEO_ABANDONED_UPLOAD_HOURS = "24";
});

const { createTestUser } = await import("@/server/accounts/test-users");
const { db } = await import("@/server/platform/db");
const { storage } = await import("@/server/platform/storage");
const { uploadScratchFile } = await import("../delete-video");
const { removeAbandonedUploads } = await import("./remove-abandoned-uploads");

/** Uploads nobody finished within VIDEO_ABANDONED_UPLOAD_HOURS (24) are removed, files and all; anything else stays. */
afterAll(async () => {
  await db.$disconnect();
});

const HOUR = 3600 * 1000;

/** A video row created `hoursAgo`, and (when `lastByteHoursAgo` is set) its tus scratch file last written then. */
async function upload(ownerId: string, { hoursAgo, lastByteHoursAgo, status = "uploading" }: { hoursAgo: number; lastByteHoursAgo?: number; status?: "uploading" | "processing" }) {
  const id = randomUUID().replaceAll("-", "").slice(0, 24);
  await db.video.create({ data: { id, ownerId, title: "Upload", status, createdAt: new Date(Date.now() - hoursAgo * HOUR), sourceName: "a.mp4", sourceType: "video/mp4", sourceBytes: 10n } });
  if (lastByteHoursAgo !== undefined) {
    const file = uploadScratchFile(id);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, "partial bytes");
    await fs.writeFile(`${file}.json`, "{}");
    const at = new Date(Date.now() - lastByteHoursAgo * HOUR);
    await fs.utimes(file, at, at);
  }
  return id;
}

const exists = async (id: string) => (await db.video.count({ where: { id } })) === 1;

describe("removeAbandonedUploads", () => {
  it("removes an upload whose last byte is older than the limit, and one that never got a byte; keeps slow, recent and finished ones", async () => {
    const owner = (await createTestUser(db)).id;
    const stale = await upload(owner, { hoursAgo: 30, lastByteHoursAgo: 25 });
    const empty = await upload(owner, { hoursAgo: 25 });
    const slow = await upload(owner, { hoursAgo: 30, lastByteHoursAgo: 1 });
    const recent = await upload(owner, { hoursAgo: 2, lastByteHoursAgo: 2 });
    const finished = await upload(owner, { hoursAgo: 48, status: "processing" });
    await storage.putObject(`videos/${stale}/source`, Buffer.from("half"), { contentType: "video/mp4", ownerId: owner });

    expect(await removeAbandonedUploads({ db, storage })).toBeGreaterThanOrEqual(2);
    expect(await exists(stale)).toBe(false);
    expect(await exists(empty)).toBe(false);
    await expect(fs.stat(uploadScratchFile(stale))).rejects.toThrow();
    await expect(fs.stat(`${uploadScratchFile(stale)}.json`)).rejects.toThrow();
    expect(await storage.listObjects(`videos/${stale}/`)).toEqual([]);

    for (const kept of [slow, recent, finished]) expect(await exists(kept), kept).toBe(true);
    expect((await fs.stat(uploadScratchFile(slow))).size).toBeGreaterThan(0);
  });
});
