import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpWithCookie } from "@/server/accounts/test-users";
import { closeEverything } from "@/server/realtime/gateway/gateway-test-kit";
import { conversationIdOfKey, newAttachmentKey, type ChatAttachment } from "./attachments";
import { startChatStack, type ChatStack } from "../chat-test-kit";
import { sniffContentType } from "./sniff-content-type";

/**
 * POST /api/chat/attachments and GET /api/chat/files/… through the real route
 * handlers with real sessions; files on the run's local-disk store.
 */
const MAX_BYTES = 200_000;
let chat: ChatStack;
let uploadRoute: typeof import("@/app/api/chat/attachments/route");
let filesRoute: typeof import("@/app/api/chat/files/[...key]/route");

type Person = { id: string; cookie: string };

beforeAll(async () => {
  chat = await startChatStack({ CHAT_ATTACHMENT_MAX_BYTES: String(MAX_BYTES), RATE_LIMIT_UPLOAD_POINTS: "1000" });
  uploadRoute = await import("@/app/api/chat/attachments/route");
  filesRoute = await import("@/app/api/chat/files/[...key]/route");
});

afterAll(async () => {
  await closeEverything();
  await chat?.db.$disconnect();
});

/** The stored attachment of a successful upload; anything else fails with the route's answer in the message. */
async function uploaded(response: Response): Promise<ChatAttachment> {
  const body = await response.text();
  expect(response.status, body).toBe(201);
  return JSON.parse(body) as ChatAttachment;
}

function upload(person: Person, conversationId: string, name: string, body: Uint8Array<ArrayBuffer>, contentType = "text/plain"): Promise<Response> {
  const url = `http://localhost/api/chat/attachments?conversationId=${conversationId}&name=${encodeURIComponent(name)}`;
  return uploadRoute.POST(new Request(url, { method: "POST", headers: { cookie: person.cookie, "content-type": contentType }, body }));
}

function fetchFile(person: Person | null, url: string, headers: Record<string, string> = {}): Promise<Response> {
  const key = new URL(url, "http://localhost").pathname.replace("/api/chat/files/", "").split("/");
  const cookie: Record<string, string> = person ? { cookie: person.cookie } : {};
  return filesRoute.GET(new Request(`http://localhost${url}`, { headers: { ...cookie, ...headers } }), { params: Promise.resolve({ key }) });
}

async function setting() {
  const [alice, bob, eve] = await Promise.all([signUpWithCookie("Alice"), signUpWithCookie("Bob"), signUpWithCookie("Eve")]);
  const dm = await chat.startDirectConversation({ db: chat.db, userId: alice.id, otherUserId: bob.id });
  return { alice, bob, eve, dm };
}

describe("chat attachments", () => {
  it("sniffs the type from the bytes, thumbnails images and serves files to members only", async () => {
    const { alice, bob, eve, dm } = await setting();
    const png = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#c33" } }).png().toBuffer();

    const response = await upload(alice, dm.id, "holiday.png", png);
    expect(response.status).toBe(201);
    const attachment = (await response.json()) as ChatAttachment;
    expect(attachment).toMatchObject({ name: "holiday.png", size: png.byteLength, contentType: "image/png", width: 800, height: 600 });
    expect(attachment.key.startsWith(`chat/${dm.id}/${alice.id}/`)).toBe(true);
    expect(attachment.thumbUrl).toBeDefined();

    const original = await fetchFile(bob, attachment.url);
    expect(original.status).toBe(200);
    expect(original.headers.get("content-type")).toBe("image/png");
    expect(original.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await original.arrayBuffer()).equals(png)).toBe(true);
    const thumb = await fetchFile(bob, attachment.thumbUrl ?? "");
    const thumbMeta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    expect([thumbMeta.format, thumbMeta.width, thumbMeta.height]).toEqual(["webp", 320, 240]);
    const ranged = await fetchFile(alice, attachment.url, { range: "bytes=0-7" });
    expect(ranged.status).toBe(206);
    expect(Buffer.from(await ranged.arrayBuffer()).equals(png.subarray(0, 8))).toBe(true);

    expect(original.headers.get("cache-control")).toBe("private, no-cache");
    expect(original.headers.get("content-disposition")).toBe(`inline; filename="${attachment.key.split("/").at(-1)}"`);
    const download = await fetchFile(bob, `${attachment.url}?download=1&name=${encodeURIComponent("holiday.png")}`);
    expect(download.headers.get("content-disposition")).toBe('attachment; filename="holiday.png"');
    const revalidated = await fetchFile(bob, attachment.url, { "if-none-match": original.headers.get("etag") ?? "" });
    expect(revalidated.status).toBe(304);

    const refused = await fetchFile(eve, attachment.url);
    expect(refused.status).toBe(403);
    expect(refused.headers.get("etag")).toBeNull();
    expect((await fetchFile(eve, attachment.url, { "if-none-match": "*" })).status).toBe(403);
    expect((await fetchFile(null, attachment.url)).status).toBe(401);
    expect((await upload(eve, dm.id, "spam.png", png)).status).toBe(403);

    const message = await chat.sendMessage({
      db: chat.db,
      storage: chat.storage,
      senderId: alice.id,
      input: chat.SendMessageInput.parse({ conversationId: dm.id, clientId: randomUUID(), body: "", attachments: [attachment] }),
      defer: () => undefined,
    });
    expect(message.attachments).toEqual([attachment]);
    const page = await chat.getHistory({ db: chat.db, userId: bob.id, input: chat.GetHistoryInput.parse({ conversationId: dm.id }) });
    expect(page.messages[0]?.attachments).toEqual([attachment]);

    await chat.deleteMessage({ db: chat.db, storage: chat.storage, userId: alice.id, messageId: message.id });
    expect(await chat.storage.statObject(attachment.key)).toBeNull();
    expect((await fetchFile(bob, attachment.url)).status).toBe(404);
  });

  it("keeps a file that only claims to be an image as a download, and refuses one over the limit", async () => {
    const { alice, dm } = await setting();
    const response = await upload(alice, dm.id, "evil.png", new TextEncoder().encode("<script>alert(1)</script>"), "image/png");
    expect(response.status).toBe(201);
    const attachment = (await response.json()) as ChatAttachment;
    expect(attachment).toMatchObject({ contentType: "application/octet-stream", name: "evil.png" });
    expect(attachment.thumbKey).toBeUndefined();
    const served = await fetchFile(alice, attachment.url);
    expect(served.headers.get("content-disposition")).toMatch(/^attachment/);

    const tooLarge = await upload(alice, dm.id, "big.bin", new Uint8Array(MAX_BYTES + 1));
    expect(tooLarge.status).toBe(413);
  });

  it("refuses to attach a file uploaded by someone else or to another conversation", async () => {
    const { alice, bob, dm } = await setting();
    const other = await chat.createGroup({ db: chat.db, userId: alice.id, name: "Elsewhere", memberIds: [] });
    const elsewhere = await uploaded(await upload(alice, other.id, "notes.pdf", new TextEncoder().encode("%PDF-1.7 ...")));
    expect(elsewhere.contentType).toBe("application/pdf");
    const pdf = await fetchFile(alice, elsewhere.url);
    expect(pdf.headers.get("content-disposition")).toMatch(/^inline/);
    expect(pdf.headers.get("content-security-policy")).toMatch(/sandbox allow-scripts allow-downloads$/);
    const bobs = await uploaded(await upload(bob, dm.id, "bob.pdf", new TextEncoder().encode("%PDF-1.7 ...")));

    for (const attachment of [elsewhere, bobs, { ...bobs, key: `chat/${dm.id}/${alice.id}/AAAAAAAAAAAA.pdf` }]) {
      await expect(
        chat.sendMessage({
          db: chat.db,
          storage: chat.storage,
          senderId: alice.id,
          input: chat.SendMessageInput.parse({ conversationId: dm.id, clientId: randomUUID(), body: "see attached", attachments: [attachment] }),
        }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
  });
});

describe("newAttachmentKey", () => {
  it("always makes a key storage accepts and chat can read the conversation from", async () => {
    // Imported here: storage reads env at import, and this file's stack sets env in beforeAll.
    const { assertSafeKey } = await import("@/server/platform/storage");
    // 2,000 names: with the old base64url names about 60 would have started with "-" or "_" and been refused.
    for (let index = 0; index < 2_000; index++) {
      const key = newAttachmentKey("conv-1", "user_1", "png");
      expect(() => assertSafeKey(key)).not.toThrow();
      expect(conversationIdOfKey(key)).toBe("conv-1");
    }
  });
});

describe("sniffContentType", () => {
  it("recognises common formats by their magic numbers", () => {
    const cases: Array<[number[] | string, string]> = [
      [[0xff, 0xd8, 0xff, 0xe0], "image/jpeg"],
      ["GIF89a", "image/gif"],
      ["RIFF\u0000\u0000\u0000\u0000WEBPVP8 ", "image/webp"],
      ["PK\u0003\u0004", "application/zip"],
      ["\u0000\u0000\u0000\u0018ftypisom", "video/mp4"],
      ["plain text", "application/octet-stream"],
    ];
    for (const [head, type] of cases) {
      const bytes = typeof head === "string" ? Uint8Array.from(head, (character) => character.charCodeAt(0)) : Uint8Array.from(head);
      expect(sniffContentType(bytes).contentType).toBe(type);
    }
  });
});
