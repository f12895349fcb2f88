import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/shop/product-images/route";
import { signUpWithCookie } from "@/server/accounts/test-users";
import { env } from "@/server/env";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { getObject } from "@/server/platform/storage";

/** POST /api/shop/product-images as Next calls it, with real sessions, the real store and real sharp. */
let admin: string;
let shopper: string;

beforeAll(async () => {
  [admin, shopper] = await Promise.all([signUp("admin"), signUp("user")]);
});
afterAll(async () => {
  redis.disconnect();
  await db.$disconnect();
});

async function signUp(role: "admin" | "user"): Promise<string> {
  const person = await signUpWithCookie("Image Tester");
  await db.user.update({ where: { id: person.id }, data: { role } });
  return person.cookie;
}

function upload(body: Buffer | string, cookie?: string, contentType = "image/jpeg"): Promise<Response> {
  return POST(
    new Request("http://localhost/api/shop/product-images", {
      method: "POST",
      body: typeof body === "string" ? body : new Uint8Array(body),
      headers: { "content-type": contentType, ...(cookie ? { cookie } : {}) },
    }),
  );
}

const photo = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: "#2a6" } }).jpeg().toBuffer();

describe("POST /api/shop/product-images", () => {
  it("stores a WebP of at most 1600 px a side under a content-addressed public URL", async () => {
    const response = await upload(await photo(3200, 1800), admin);
    expect(response.status).toBe(201);
    const { url } = (await response.json()) as { url: string };
    expect(url).toMatch(/^\/api\/media\/shop\/products\/[0-9a-f]{24}\.webp$/);
    const stored = await getObject(url.replace("/api/media/", ""));
    expect(stored).toMatchObject({ contentType: "image/webp", visibility: "public" });
    const bytes = Buffer.from(await new Response(stored?.body as ReadableStream).arrayBuffer());
    expect(await sharp(bytes).metadata()).toMatchObject({ format: "webp", width: 1600, height: 900 });
    // The same picture again: the same URL.
    expect(await (await upload(await photo(3200, 1800), admin)).json()).toEqual({ url });
  });

  it("never enlarges a small picture", async () => {
    const { url } = (await (await upload(await photo(300, 200), admin)).json()) as { url: string };
    const stored = await getObject(url.replace("/api/media/", ""));
    const bytes = Buffer.from(await new Response(stored?.body as ReadableStream).arrayBuffer());
    expect(await sharp(bytes).metadata()).toMatchObject({ width: 300, height: 200 });
  });

  it("is for staff only", async () => {
    expect((await upload(await photo(10, 10))).status).toBe(401);
    const refused = await upload(await photo(10, 10), shopper);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
  });

  it("refuses what is not a raster image, an empty body and a body over the limit, with the field named", async () => {
    const svg = await upload("<svg xmlns='http://www.w3.org/2000/svg'/>", admin, "image/svg+xml");
    expect(svg.status).toBe(415);
    expect(await svg.json()).toMatchObject({ error: { code: "UNSUPPORTED_MEDIA_TYPE", message: "Use a JPEG, PNG, WebP, GIF or AVIF image.", field: "images" } });
    expect((await upload(Buffer.alloc(0), admin)).status).toBe(400);
    const huge = await upload(Buffer.alloc(env.SHOP_PRODUCT_IMAGE_MAX_BYTES + 1), admin);
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE", message: "Images can be at most 10 MB." } });
  });

  it("accepts only image content types: a form or text body is refused before it is read", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const refused = await upload(await photo(10, 10), admin, type);
      expect(refused.status, type).toBe(415);
      expect(await refused.json()).toMatchObject({ error: { code: "UNSUPPORTED_MEDIA_TYPE" } });
    }
  });
});
