import { randomBytes, randomUUID } from "node:crypto";
import sharp from "sharp";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // Small enough that a noisy picture passes it; the refusal is what is tested.
  process.env.VIDEO_THUMBNAIL_MAX_BYTES = "20000";
  process.env.RATE_LIMIT_UPLOAD_POINTS = "1000";
});

const { POST: postThumbnail } = await import("@/app/api/videos/[videoId]/thumbnail/route");
const { storage } = await import("@/server/platform/storage");
const { closeVideoTestConnections, db, fetchVideoFile: fetchFile, signedUpViewer: person } = await import("../videos-api-test-kit");
const { customThumbnailKey } = await import("../video-files");

/**
 * Editing a video after the upload (edit/): only its owner changes title,
 * description, tags, visibility and thumbnail, within the upload's limits;
 * the thumbnail is one of the job's frames or a picture the owner uploads
 * (VIDEO_THUMBNAIL_MAX_BYTES, images only), served like the video's other files.
 */
afterAll(closeVideoTestConnections);

/** A video row of `ownerId`'s; a ready one has the three candidate frames the job takes. */
async function videoOf(ownerId: string, status: "ready" | "processing" = "ready", visibility: "public" | "private" = "public"): Promise<string> {
  const id = randomUUID().replaceAll("-", "").slice(0, 24);
  await db.video.create({
    data: { id, ownerId, title: "Before", description: "Old words", tags: ["old"], visibility, status, thumbnailCount: status === "ready" ? 3 : 0, durationSeconds: 6, publishedAt: new Date(), sourceName: "a.mp4", sourceType: "video/mp4", sourceBytes: 10n },
  });
  return id;
}

const details = { title: "After", description: "New words", tags: ["New", "tags"], visibility: "unlisted" as const };

function uploadPicture(videoId: string, body: Uint8Array<ArrayBuffer> | string, cookie: string | null, type = "image/png") {
  return postThumbnail(new Request(`http://localhost/api/videos/${videoId}/thumbnail`, { method: "POST", headers: { "content-type": type, ...(cookie ? { cookie } : {}) }, body }));
}

const smallPng = async () => new Uint8Array(await sharp({ create: { width: 64, height: 36, channels: 3, background: "#2266aa" } }).png().toBuffer());
/** Noise does not compress: well over the 20,000-byte cap of this file. */
const largePng = async () => new Uint8Array(await sharp(randomBytes(200 * 200 * 3), { raw: { width: 200, height: 200, channels: 3 } }).png().toBuffer());

describe("editing a video's details", () => {
  it("lets the owner change title, description, tags and visibility; anyone else is told it does not exist", async () => {
    const owner = await person("Owner");
    const other = await person("Other");
    const id = await videoOf(owner.id);

    await expect(other.videos.edit({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.videos.update({ id, ...details })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.video.findUniqueOrThrow({ where: { id } })).toMatchObject({ title: "Before", visibility: "public" });

    const updated = await owner.videos.update({ id, ...details });
    expect(updated).toMatchObject({ title: "After", description: "New words", tags: ["new", "tags"], visibility: "unlisted" });
    expect(await owner.videos.edit({ id })).toMatchObject({ title: "After", tags: ["new", "tags"], visibility: "unlisted" });
    // Unlisted: gone from the public list at once.
    expect((await other.videos.list({ limit: 48 })).items.map((video) => video.id)).not.toContain(id);
  });

  it("refuses what the upload form refuses: an empty or overlong title, too many tags, an overlong description", async () => {
    const owner = await person("Owner");
    const id = await videoOf(owner.id);
    for (const wrong of [{ title: " " }, { title: "x".repeat(101) }, { tags: Array.from({ length: 11 }, (_, index) => `tag${index}`) }, { description: "x".repeat(5_001) }]) {
      await expect(owner.videos.update({ id, ...details, ...wrong }), JSON.stringify(wrong).slice(0, 60)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    expect((await db.video.findUniqueOrThrow({ where: { id } })).title).toBe("Before");
  });
});

describe("choosing the thumbnail", () => {
  it("offers the poster and the job's frames, and the chosen one becomes the poster everywhere", async () => {
    const owner = await person("Owner");
    const id = await videoOf(owner.id);
    const edit = await owner.videos.edit({ id });
    expect(edit.thumbnail).toBe("poster.jpg");
    expect(edit.thumbnails.map((choice) => choice.name)).toEqual(["poster.jpg", "thumb-1.jpg", "thumb-2.jpg", "thumb-3.jpg"]);

    await owner.videos.update({ id, ...details, thumbnail: "thumb-2.jpg" });
    expect((await owner.videos.get({ id })).posterUrl).toBe(`/api/videos/${id}/hls/thumb-2.jpg`);
    await owner.videos.update({ id, ...details, thumbnail: "poster.jpg" });
    expect((await owner.videos.get({ id })).posterUrl).toBe(`/api/videos/${id}/hls/poster.jpg`);

    // Not one of its choices (a fourth frame, another file, a path): refused, nothing changed.
    for (const wrong of ["thumb-4.jpg", "master.m3u8", "../source"]) {
      await expect(owner.videos.update({ id, ...details, thumbnail: wrong }), wrong).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Choose one of this video's thumbnails." });
    }
  });

  it("waits for a ready video: one still processing has no frames yet", async () => {
    const owner = await person("Owner");
    const id = await videoOf(owner.id, "processing");
    expect((await owner.videos.edit({ id })).thumbnails).toEqual([]);
    await expect(owner.videos.update({ id, ...details, thumbnail: "thumb-1.jpg" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "A thumbnail can be chosen once the video is ready." });
    // The details alone are fine.
    expect((await owner.videos.update({ id, ...details, thumbnail: "poster.jpg" })).title).toBe("After");
  });
});

describe("uploading a picture as the thumbnail", () => {
  it("stores the owner's picture as WebP, chooses it, serves it with the video's rule, and keeps only the latest", async () => {
    const owner = await person("Owner");
    const other = await person("Other");
    const id = await videoOf(owner.id, "ready", "private");

    expect((await uploadPicture(id, await smallPng(), null)).status).toBe(401);
    expect((await uploadPicture(id, await smallPng(), other.cookie)).status).toBe(404);

    const first = await uploadPicture(id, await smallPng(), owner.cookie);
    expect(first.status).toBe(201);
    const { thumbnail, url } = (await first.json()) as { thumbnail: string; url: string };
    expect(thumbnail).toMatch(/^custom-[0-9a-f]{16}\.webp$/);
    expect(url).toBe(`/api/videos/${id}/hls/${thumbnail}`);
    expect((await owner.videos.get({ id })).posterUrl).toBe(url);
    expect((await owner.videos.edit({ id })).thumbnails.at(-1)).toMatchObject({ name: thumbnail, label: "Your picture" });

    // Served as the video's other files are: to who may watch (a private video's owner), as an image.
    const served = await fetchFile(id, thumbnail, owner.cookie);
    expect(served.status).toBe(200);
    expect(served.headers).toMatchObject({ "content-type": "image/webp" });
    expect((await fetchFile(id, thumbnail, other.cookie)).status).toBe(404);

    const second = (await (await uploadPicture(id, await smallPng(), owner.cookie)).json()) as { thumbnail: string };
    expect(second.thumbnail).not.toBe(thumbnail);
    expect(await storage.statObject(customThumbnailKey(id, thumbnail))).toBeNull();
    expect(await storage.statObject(customThumbnailKey(id, second.thumbnail))).toMatchObject({ contentType: "image/webp" });
  });

  it("refuses a picture over VIDEO_THUMBNAIL_MAX_BYTES (413), a file that is not a picture (415), and a video not ready yet", async () => {
    const owner = await person("Owner");
    const id = await videoOf(owner.id);

    const large = await uploadPicture(id, await largePng(), owner.cookie);
    expect(large.status).toBe(413);
    expect(await large.json()).toMatchObject({ error: { message: "Thumbnail pictures can be at most 20 KB." } });

    const text = await uploadPicture(id, "These are notes, not a picture.", owner.cookie);
    expect(text.status).toBe(415);
    expect(await text.json()).toMatchObject({ error: { message: "Use a JPEG, PNG, WebP, GIF or AVIF image." } });
    expect((await uploadPicture(id, "{}", owner.cookie, "application/json")).status).toBe(415);

    const processing = await videoOf(owner.id, "processing");
    expect((await uploadPicture(processing, await smallPng(), owner.cookie)).status).toBe(400);
    expect((await db.video.findUniqueOrThrow({ where: { id } })).thumbnail).toBeNull();
  });
});
