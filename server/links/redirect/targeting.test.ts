import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { DESKTOP_UA, IPHONE_UA, signedInCaller, uniqueAlias } from "../links-test-kit";
import { getLinkCache } from "./link-cache";
import { resolveRedirect } from "./resolve-redirect";

const ANDROID_UA = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
const GERMAN_IP = "81.169.145.1";
const AMERICAN_IP = "8.8.8.8";

afterAll(async () => {
  await getLinkCache({ db, redis }).close();
  redis.disconnect();
  await db.$disconnect();
});

async function locationFor(code: string, visitor: { ip: string; userAgent: string }): Promise<string | undefined> {
  const answer = await resolveRedirect(getLinkCache({ db, redis }), { method: "GET", code, search: "?ref=t", referer: "", ...visitor });
  return answer.headers.Location;
}

describe("device and country targeting", () => {
  it("sends each visitor to their country's destination first, then their device's, else the link's own", async () => {
    const { caller } = await signedInCaller();
    const link = await caller.links.create({
      url: "https://example.com/everyone",
      customAlias: uniqueAlias("tg"),
      targeting: { iosUrl: "https://apps.apple.com/app/casebook", androidUrl: "https://play.google.com/store/apps/details?id=casebook", countries: [{ country: "DE", url: "https://example.de/" }] },
    });
    expect(link.targeting).toEqual({
      iosUrl: "https://apps.apple.com/app/casebook",
      androidUrl: "https://play.google.com/store/apps/details?id=casebook",
      countries: [{ country: "DE", url: "https://example.de/" }],
    });
    expect(await locationFor(link.code, { ip: AMERICAN_IP, userAgent: IPHONE_UA })).toBe("https://apps.apple.com/app/casebook?ref=t");
    expect(await locationFor(link.code, { ip: AMERICAN_IP, userAgent: ANDROID_UA })).toBe("https://play.google.com/store/apps/details?id=casebook&ref=t");
    expect(await locationFor(link.code, { ip: GERMAN_IP, userAgent: IPHONE_UA })).toBe("https://example.de/?ref=t");
    expect(await locationFor(link.code, { ip: AMERICAN_IP, userAgent: DESKTOP_UA })).toBe("https://example.com/everyone?ref=t");
    expect(await locationFor(link.code, { ip: "127.0.0.1", userAgent: DESKTOP_UA })).toBe("https://example.com/everyone?ref=t");
  });

  it("checks every destination like the main one, and an empty form clears the targeting at once", async () => {
    const { caller } = await signedInCaller();
    await expect(caller.links.create({ url: "https://example.com/x", targeting: { iosUrl: "javascript:alert(1)" } })).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { details: { field: "iosUrl" } } });
    await expect(
      caller.links.create({ url: "https://example.com/x", targeting: { countries: [{ country: "DE", url: "https://a.example" }, { country: "DE", url: "https://b.example" }] } }),
    ).rejects.toMatchObject({ message: "DE is listed twice." });
    await expect(caller.links.create({ url: "https://example.com/x", targeting: { countries: [{ country: "Germany", url: "https://a.example" }] } })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    // A generated code (the batched insert) keeps its targeting too.
    const link = await caller.links.create({ url: "https://example.com/plain", targeting: { androidUrl: "https://play.google.com/x" } });
    expect(await locationFor(link.code, { ip: AMERICAN_IP, userAgent: ANDROID_UA })).toBe("https://play.google.com/x?ref=t");
    const cleared = await caller.links.update({ code: link.code, targeting: { iosUrl: "", androidUrl: "", countries: [] } });
    expect(cleared.targeting).toBeNull();
    expect(await locationFor(link.code, { ip: AMERICAN_IP, userAgent: ANDROID_UA })).toBe("https://example.com/plain?ref=t");
  });
});
