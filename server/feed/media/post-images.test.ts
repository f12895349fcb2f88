import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.FEED_IMAGE_MAX_BYTES = String(300_000);
  process.env.RATE_LIMIT_FEED_POST_POINTS = "1000";
});

import { db } from "@/server/platform/db";
import { createLocalDiskStore } from "@/server/platform/local-disk-store";
import { redis } from "@/server/platform/redis";
import { deletePost } from "@/server/feed/posts/delete-post";
import { feedPerson, type FeedPerson } from "@/server/feed/feed-test-kit";
import { PENDING_IMAGE_TTL_MS, PENDING_IMAGES_MAX } from "./post-image-limits";
import { uploadPostImage } from "./upload-post-image";

const storage = createLocalDiskStore(await mkdtemp(path.join(os.tmpdir(), "casebook-feed-images-")));

afterAll(async () => {
  redis.disconnect();
  await db.$disconnect();
});

const png = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 200 } } }).png().toBuffer();
const upload = async (person: FeedPerson, bytes?: Buffer) => uploadPostImage({ db, storage, uploaderId: person.user.id, bytes: bytes ?? (await png(64, 48)) });

describe("uploading a post's picture", () => {
  it("re-encodes it as WebP no larger than 2048 px on a side, kept for its uploader", async () => {
    const bob = await feedPerson();
    const image = await upload(bob, await png(3000, 300));
    expect(image).toMatchObject({ width: 2048, height: 205, url: expect.stringMatching(/^\/api\/media\/feed\/images\/[0-9a-f-]{36}\.webp$/) });
    const stored = await storage.statObject(`feed/images/${image.id}.webp`);
    expect(stored).toMatchObject({ contentType: "image/webp", visibility: "public" });
    expect(await db.postImage.findUniqueOrThrow({ where: { id: image.id } })).toMatchObject({ uploaderId: bob.user.id, postId: null });
  });

  it("refuses what is not a picture, an empty file and one over the size limit, with the limit named", async () => {
    const bob = await feedPerson();
    await expect(upload(bob, Buffer.from("<svg>not a raster picture</svg>"))).rejects.toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE", message: "Use a JPEG, PNG, WebP, GIF or AVIF image." });
    await expect(upload(bob, Buffer.alloc(0))).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Choose a picture to add." });
    await expect(upload(bob, Buffer.alloc(300_001, 1))).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE", message: "Pictures can be at most 0.3 MB." });
    expect(await db.postImage.count({ where: { uploaderId: bob.user.id } })).toBe(0);
  });

  it("holds at most 16 unposted pictures per person, and removes those left a day", async () => {
    const bob = await feedPerson();
    const first = await upload(bob);
    for (let index = 1; index < PENDING_IMAGES_MAX; index++) await upload(bob);
    await expect(upload(bob)).rejects.toMatchObject({ code: "RATE_LIMITED", message: "You have 16 pictures waiting to be posted. Post or remove some first." });

    await db.postImage.update({ where: { id: first.id }, data: { createdAt: new Date(Date.now() - PENDING_IMAGE_TTL_MS - 1_000) } });
    await expect(upload(bob)).resolves.toMatchObject({ width: 64 });
    expect(await db.postImage.findUnique({ where: { id: first.id } })).toBeNull();
    expect(await storage.statObject(`feed/images/${first.id}.webp`)).toBeNull();
  });
});

describe("posting pictures", () => {
  it("shows them in the author's order with their alt text, on the post and in timelines, and allows a post of pictures alone", async () => {
    const bob = await feedPerson();
    const [one, two] = [await upload(bob), await upload(bob)];
    const post = await bob.feed.posts.create({ text: "Two views", images: [{ id: two.id, alt: "  The second  " }, { id: one.id, alt: "" }] });
    expect(post.images).toEqual([
      { url: two.url, width: 64, height: 48, alt: "The second" },
      { url: one.url, width: 64, height: 48, alt: "" },
    ]);
    const alone = await bob.feed.posts.create({ text: "", images: [{ id: (await upload(bob)).id, alt: "Only a picture" }] });
    expect(alone).toMatchObject({ text: "", images: [{ alt: "Only a picture" }] });

    const media = await bob.feed.posts.byAuthor({ userId: bob.user.id, tab: "media" });
    expect(media.items.map((item) => item.post.id)).toEqual([alone.id, post.id]);
    await bob.feed.posts.create({ text: "No picture here" });
    expect((await bob.feed.posts.byAuthor({ userId: bob.user.id, tab: "media" })).items).toHaveLength(2);
  });

  it("takes only the author's own unposted pictures, at most 4, each once, and stores nothing when it refuses", async () => {
    const bob = await feedPerson();
    const alice = await feedPerson();
    const alices = await upload(alice);
    await expect(bob.feed.posts.create({ text: "Not mine", images: [{ id: alices.id, alt: "" }] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "A picture is no longer available: remove it and add it again.",
    });
    const mine = await upload(bob);
    await expect(bob.feed.posts.create({ text: "Twice", images: [{ id: mine.id, alt: "" }, { id: mine.id, alt: "" }] })).rejects.toMatchObject({ message: "The same picture was added twice." });
    const five = await Promise.all(Array.from({ length: 5 }, () => upload(bob)));
    await expect(bob.feed.posts.create({ text: "Five", images: five.map((image) => ({ id: image.id, alt: "" })) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("A post can have at most 4 pictures."),
    });
    expect(await db.post.count({ where: { authorId: bob.user.id } })).toBe(0);

    await bob.feed.posts.create({ text: "Now it is used", images: [{ id: mine.id, alt: "" }] });
    await expect(bob.feed.posts.create({ text: "Again", images: [{ id: mine.id, alt: "" }] })).rejects.toMatchObject({ message: "A picture is no longer available: remove it and add it again." });
  });

  it("deletes a post's pictures, files and all, with the post", async () => {
    const bob = await feedPerson();
    const image = await upload(bob);
    const post = await bob.feed.posts.create({ text: "Soon gone", images: [{ id: image.id, alt: "" }] });
    await deletePost({ db, redis, storage, userId: bob.user.id, postId: BigInt(post.id) });
    expect(await db.postImage.findUnique({ where: { id: image.id } })).toBeNull();
    expect(await storage.statObject(`feed/images/${image.id}.webp`)).toBeNull();
    expect((await bob.feed.posts.byAuthor({ userId: bob.user.id, tab: "media" })).items).toEqual([]);
  });
});

describe("the hourly sweep of unposted pictures", () => {
  it("removes everyone's pictures left unposted a day, rows and files, and keeps posted and recent ones", async () => {
    // As the worker runs it: its processor, with the platform's store.
    const { processors } = await import("@/server/jobs/processors");
    const { storage: platformStorage } = await import("@/server/platform/storage");
    const [ann, bob] = await Promise.all([feedPerson(), feedPerson()]);
    const put = async (person: FeedPerson) => uploadPostImage({ db, storage: platformStorage, uploaderId: person.user.id, bytes: await png(64, 48) });
    const [annOld, bobOld, bobRecent, bobPosted] = [await put(ann), await put(bob), await put(bob), await put(bob)];
    await bob.feed.posts.create({ text: "Kept", images: [{ id: bobPosted.id, alt: "" }] });
    const dayAgo = new Date(Date.now() - PENDING_IMAGE_TTL_MS - 1_000);
    await db.postImage.updateMany({ where: { id: { in: [annOld.id, bobOld.id, bobPosted.id] } }, data: { createdAt: dayAgo } });

    await processors["feed-unposted-image-sweep"]({}, { timestamp: Date.now() });
    const ids = [annOld.id, bobOld.id, bobRecent.id, bobPosted.id];
    const left = await db.postImage.findMany({ where: { id: { in: ids } }, select: { id: true } });
    expect(left.map((row) => row.id).sort()).toEqual([bobRecent.id, bobPosted.id].sort());
    const files = await Promise.all(ids.map((id) => platformStorage.statObject(`feed/images/${id}.webp`)));
    expect(files.map((file) => file !== null)).toEqual([false, false, true, true]);
  });
});
