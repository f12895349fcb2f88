import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { DELETED_SENDER } from "@/server/chat/messages/erase-account-messages";
import { uploadPostImage } from "@/server/feed/media/upload-post-image";
import { resolveRedirect } from "@/server/links/redirect/resolve-redirect";
import { getLinkCache } from "@/server/links/redirect/link-cache";
import type { SessionUser } from "@/server/platform/auth";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { storage } from "@/server/platform/storage";
import { createTestCategory, createTestOrder, createTestProduct } from "@/server/shop/catalog/catalog-test-kit";
import { createCallerFactory } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";
import { createTestUser } from "./test-users";

afterAll(async () => {
  await getLinkCache({ db, redis }).close();
  redis.disconnect();
  await db.$disconnect();
});

const PASSWORD = "correct-horse-battery";

/** The status a visitor gets for a short code, through the same cache and resolver as a redirect. */
async function redirectStatus(code: string): Promise<number> {
  const cache = getLinkCache({ db, redis });
  return (await resolveRedirect(cache, { method: "GET", code, search: "", ip: "127.0.0.1", userAgent: "Mozilla/5.0", referer: "" })).status;
}

/** A person with a password, as sign-up makes them, and a caller acting as them. */
async function personWithPassword() {
  const row = await createTestUser(db);
  await db.account.create({ data: { id: randomUUID(), accountId: row.id, providerId: "credential", userId: row.id, password: await hashPassword(PASSWORD) } });
  const user: SessionUser = { id: row.id, name: row.name, email: row.email, username: row.username, image: null, role: "user" };
  return { user, caller: createCallerFactory(appRouter)({ db, redis, headers: new Headers(), user }) };
}

describe("deleting an account", () => {
  it("needs the password and the typed username or email, and touches nothing otherwise", async () => {
    const { user, caller } = await personWithPassword();
    await expect(caller.accounts.deleteAccount({ password: PASSWORD, confirmation: "someone-else" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Type your username or email exactly to confirm.",
    });
    await expect(caller.accounts.deleteAccount({ password: "wrong-password", confirmation: user.username ?? "" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "That password is not right.",
    });
    expect(await db.user.count({ where: { id: user.id } })).toBe(1);
  });

  it("refuses while a ride is under way, before erasing anything", async () => {
    const { user, caller } = await personWithPassword();
    const link = await caller.links.create({ url: "https://example.com/kept" });
    await db.trip.create({
      data: { riderId: user.id, status: "matching", pickupLat: 0, pickupLng: 0, dropoffLat: 0.01, dropoffLng: 0.01, fareCents: 1_000, distanceMeters: 1_000, durationSeconds: 300, startCode: "1234" },
    });
    await expect(caller.accounts.deleteAccount({ password: PASSWORD, confirmation: user.email })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "You have a ride under way. Finish or cancel it before deleting your account.",
    });
    expect(await db.link.count({ where: { code: link.code } })).toBe(1);
  });

  it("erases every system's part: links stop redirecting, messages become Deleted user's tombstones, pictures, reviews and the avatar go, orders stay", async () => {
    const { user, caller } = await personWithPassword();
    const friend = await createTestUser(db);

    const link = await caller.links.create({ url: "https://example.com/gone-soon" });
    expect(await redirectStatus(link.code)).toBe(302);

    const conversation = await db.conversation.create({
      data: { kind: "dm", lastSeq: 2, members: { create: [{ userId: user.id }, { userId: friend.id }] } },
    });
    await db.message.createMany({
      data: [
        { conversationId: conversation.id, seq: 1, senderId: user.id, clientId: "c1", body: "Hello from the leaver" },
        { conversationId: conversation.id, seq: 2, senderId: friend.id, clientId: "c2", body: "Hi back" },
      ],
    });

    const bytes = await sharp({ create: { width: 32, height: 32, channels: 3, background: "#336699" } }).png().toBuffer();
    const picture = await uploadPostImage({ db, storage, uploaderId: user.id, bytes });
    await caller.feed.posts.create({ text: "My last post", images: [{ id: picture.id, alt: "" }] });

    const product = await createTestProduct({ categoryId: (await createTestCategory()).id, name: "Reviewed by the leaver", ratingAvg: 5 });
    await db.productReview.create({ data: { productId: product.id, userId: user.id, rating: 5, body: "Really great." } });
    const order = await createTestOrder(user.id, [product.id], "paid");
    await storage.putObject(`avatars/${user.id}/face.webp`, bytes, { contentType: "image/webp", ownerId: user.id, visibility: "public" });

    await expect(caller.accounts.deleteAccount({ password: PASSWORD, confirmation: (user.username ?? "").toUpperCase() })).resolves.toEqual({ deleted: true });

    expect(await db.user.count({ where: { id: user.id } })).toBe(0);
    expect(await redirectStatus(link.code)).toBe(404);
    const messages = await db.message.findMany({ where: { conversationId: conversation.id }, orderBy: { seq: "asc" } });
    expect(messages.map((message) => [message.seq, message.senderId, message.body, message.deletedAt !== null])).toEqual([
      [1, DELETED_SENDER.id, "", true],
      [2, friend.id, "Hi back", false],
    ]);
    expect(await storage.statObject(`feed/images/${picture.id}.webp`)).toBeNull();
    expect(await db.post.count({ where: { authorId: user.id } })).toBe(0);
    expect(await db.product.findUniqueOrThrow({ where: { id: product.id } })).toMatchObject({ ratingCount: 0, ratingTotal: 0 });
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ userId: null, status: "paid" });
    expect(await storage.statObject(`avatars/${user.id}/face.webp`)).toBeNull();
  });
});
