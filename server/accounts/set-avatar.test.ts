import sharp from "sharp";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.AVATAR_MAX_BYTES = String(200 * 1024);
});

import { db } from "@/server/platform/db";
import { getObject, storage } from "@/server/platform/storage";
import { removeAvatar } from "./remove-avatar";
import { setAvatar } from "./set-avatar";
import { createTestUser } from "./test-users";

afterAll(() => db.$disconnect());

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

describe("setAvatar (real storage and Postgres)", () => {
  it("stores a 256×256 WebP under a content-addressed key and points the profile at it", async () => {
    const user = await createTestUser(db);
    const png = await sharp({ create: { width: 640, height: 400, channels: 3, background: "#4338ca" } }).png().toBuffer();

    const { image } = await setAvatar({ db, storage, userId: user.id, bytes: png });
    expect(image).toMatch(new RegExp(`^/api/media/avatars/${user.id}/[0-9a-f]{20}\\.webp$`));
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).image).toBe(image);

    const stored = await getObject(image.replace("/api/media/", ""));
    expect(stored).toMatchObject({ contentType: "image/webp", visibility: "public", ownerId: user.id });
    const metadata = await sharp(await readAll(stored.body)).metadata();
    expect(metadata).toMatchObject({ format: "webp", width: 256, height: 256 });

    await removeAvatar({ db, userId: user.id });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).image).toBeNull();
  });

  it("refuses files over AVATAR_MAX_BYTES with PAYLOAD_TOO_LARGE", async () => {
    const user = await createTestUser(db);
    await expect(setAvatar({ db, storage, userId: user.id, bytes: Buffer.alloc(200 * 1024 + 1) })).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      details: { field: "avatar" },
    });
  });

  it("refuses anything that is not a raster image, SVG included", async () => {
    const user = await createTestUser(db);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');
    for (const bytes of [Buffer.from("definitely not an image"), svg]) {
      await expect(setAvatar({ db, storage, userId: user.id, bytes })).rejects.toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE" });
    }
    await expect(setAvatar({ db, storage, userId: user.id, bytes: Buffer.alloc(0) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).image).toBeNull();
  });
});
