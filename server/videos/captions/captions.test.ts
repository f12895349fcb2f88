import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // Small, so an oversized file is cheap to make; the refusal is what is tested.
  process.env.VIDEO_CAPTION_MAX_BYTES = "2048";
  process.env.RATE_LIMIT_UPLOAD_POINTS = "1000";
});

const { POST: postCaptions } = await import("@/app/api/videos/[videoId]/captions/[language]/route");
const { storage } = await import("@/server/platform/storage");
const { closeVideoTestConnections, db, fetchVideoFile: fetchFile, signedUpViewer: person } = await import("../videos-api-test-kit");
const { captionsKey } = await import("../video-files");
const { languageTag, CAPTION_TRACKS_MAX } = await import("./caption-tracks");
const { toWebVtt } = await import("./caption-text");

/**
 * Captions: what an uploaded file must be (UTF-8 WebVTT or SubRip, with
 * cues), the language tag, and the upload route's rules: the owner only,
 * VIDEO_CAPTION_MAX_BYTES, CAPTION_TRACKS_MAX languages, one file per
 * language, served with the video's watch rule.
 */
afterAll(closeVideoTestConnections);

const bytes = (text: string) => new TextEncoder().encode(text);

describe("toWebVtt", () => {
  it("keeps a WebVTT file's cues and drops the rest (notes, styles, cue settings)", () => {
    const text = "\uFEFFWEBVTT - My captions\r\n\r\nNOTE written by hand\r\n\r\nSTYLE\r\n::cue { color: red }\r\n\r\nintro\r\n00:01.000 --> 00:02.500 align:start\r\nHello <b>there</b>\r\nsecond line\r\n\r\n01:00:00.000 --> 01:00:01.000\r\nAn hour in\r\n";
    expect(toWebVtt(bytes(text))).toBe("WEBVTT\n\n00:00:01.000 --> 00:00:02.500\nHello <b>there</b>\nsecond line\n\n01:00:00.000 --> 01:00:01.000\nAn hour in\n");
  });

  it("converts SubRip (.srt) to WebVTT", () => {
    const srt = "1\n00:00:00,500 --> 00:00:02,000\nFirst\n\n2\n00:00:02,250 --> 00:00:04,000\nSecond\nline\n";
    expect(toWebVtt(bytes(srt))).toBe("WEBVTT\n\n00:00:00.500 --> 00:00:02.000\nFirst\n\n00:00:02.250 --> 00:00:04.000\nSecond\nline\n");
  });

  it("refuses, in words, what is not captions", () => {
    const refusal = (input: Uint8Array) => {
      try {
        toWebVtt(input);
      } catch (error) {
        return { code: (error as { code: string }).code, message: (error as Error).message };
      }
      return null;
    };
    expect(refusal(new Uint8Array([0xff, 0xfe, 0x00, 0x41]))).toEqual({ code: "UNSUPPORTED_MEDIA_TYPE", message: "Captions must be UTF-8 text." });
    expect(refusal(bytes("Just some notes.\nNothing timed."))).toEqual({ code: "UNSUPPORTED_MEDIA_TYPE", message: "Captions must be a WebVTT (.vtt) or SubRip (.srt) file." });
    expect(refusal(bytes("WEBVTT\n\n00:01,000 --> 00:02,000\nComma in WebVTT\n"))?.code).toBe("BAD_REQUEST");
    expect(refusal(bytes("WEBVTT\n\n00:03.000 --> 00:02.000\nBackwards\n"))).toEqual({ code: "BAD_REQUEST", message: "The cue at 00:03.000 ends before it starts." });
    expect(refusal(bytes("WEBVTT\n\nNOTE nothing else\n"))).toEqual({ code: "BAD_REQUEST", message: "This file has no captions in it." });
  });
});

describe("languageTag", () => {
  it("canonicalizes a language, script and region, and refuses anything else", () => {
    expect(languageTag("PT-br")).toBe("pt-BR");
    expect(languageTag(" en ")).toBe("en");
    expect(languageTag("zh-hant-tw")).toBe("zh-Hant-TW");
    for (const wrong of ["english", "en-US-x-private", "e", "", "../en"]) expect(() => languageTag(wrong), wrong).toThrow(/is not a language code/);
  });
});

async function videoOf(ownerId: string, visibility: "public" | "private" = "public"): Promise<string> {
  const id = randomUUID().replaceAll("-", "").slice(0, 24);
  await db.video.create({ data: { id, ownerId, title: "Captioned", visibility, status: "ready", durationSeconds: 6, publishedAt: new Date(), sourceName: "a.mp4", sourceType: "video/mp4", sourceBytes: 10n } });
  return id;
}

function upload(videoId: string, language: string, body: string, cookie: string | null, type = "text/vtt") {
  return postCaptions(new Request(`http://localhost/api/videos/${videoId}/captions/${language}`, { method: "POST", headers: { "content-type": type, ...(cookie ? { cookie } : {}) }, body }));
}

const VTT = "WEBVTT\n\n00:00.000 --> 00:02.000\nHello from the captions\n";

describe("uploading captions", () => {
  it("stores the owner's file per language, serves it with the watch rule, replaces it, and removes it", async () => {
    const owner = await person("Owner");
    const other = await person("Other");
    const id = await videoOf(owner.id, "private");

    expect((await upload(id, "en", VTT, null)).status).toBe(401);
    expect((await upload(id, "en", VTT, other.cookie)).status).toBe(404);
    const first = await upload(id, "en", VTT, owner.cookie);
    expect(first.status).toBe(201);
    const { url } = (await first.json()) as { url: string };
    const file = url.split("/").at(-1) ?? "";
    expect(file).toMatch(/^captions-en-[0-9a-f]{16}\.vtt$/);

    const watched = await owner.videos.get({ id });
    expect(watched.captions).toEqual([{ language: "en", label: "English", url }]);
    const served = await fetchFile(id, file, owner.cookie);
    expect(served.status).toBe(200);
    expect(served.headers).toMatchObject({ "content-type": "text/vtt" });
    expect(await new Response(served.body as BodyInit).text()).toBe("WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nHello from the captions\n");
    expect((await fetchFile(id, file, other.cookie)).status).toBe(404);

    // SubRip, sent without a type (as browsers send .srt), replaces English; the old file goes.
    const second = await upload(id, "en", "1\n00:00:00,000 --> 00:00:01,000\nReplaced\n", owner.cookie, "");
    expect(second.status).toBe(201);
    expect(await storage.statObject(captionsKey(id, file))).toBeNull();
    expect((await owner.videos.edit({ id })).captions).toHaveLength(1);

    await expect(other.videos.captions.remove({ videoId: id, language: "en" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await owner.videos.captions.remove({ videoId: id, language: "en" })).toEqual({ removed: true });
    expect((await owner.videos.get({ id })).captions).toEqual([]);
    await expect(owner.videos.captions.remove({ videoId: id, language: "en" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a file over VIDEO_CAPTION_MAX_BYTES, what is not captions, a bad language, and a language past CAPTION_TRACKS_MAX", async () => {
    const owner = await person("Owner");
    const id = await videoOf(owner.id);

    const large = await upload(id, "en", `WEBVTT\n\n00:00.000 --> 00:01.000\n${"x".repeat(3000)}\n`, owner.cookie);
    expect(large.status).toBe(413);
    expect(await large.json()).toMatchObject({ error: { message: "Captions files can be at most 2 KB." } });
    const notes = await upload(id, "en", "Only notes here.", owner.cookie, "text/plain");
    expect(notes.status).toBe(415);
    expect(await notes.json()).toMatchObject({ error: { message: "Captions must be a WebVTT (.vtt) or SubRip (.srt) file." } });
    expect((await upload(id, "klingon-tongue", VTT, owner.cookie)).status).toBe(400);

    await db.videoCaption.createMany({ data: Array.from({ length: CAPTION_TRACKS_MAX }, (_, index) => ({ videoId: id, language: `x${String.fromCharCode(97 + index)}`, file: `captions-x-${index}.vtt` })) });
    const tooMany = await upload(id, "en", VTT, owner.cookie);
    expect(tooMany.status).toBe(400);
    expect(await tooMany.json()).toMatchObject({ error: { message: `A video can have captions in at most ${CAPTION_TRACKS_MAX} languages. Remove one first.` } });
    // Replacing a language it already has is still fine.
    expect((await upload(id, "xa", VTT, owner.cookie)).status).toBe(201);
  });
});
