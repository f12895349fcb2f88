import { randomUUID } from "node:crypto";
import sharp from "sharp";
import type { RouteRequest } from "../authorization-kit";
import { STAFF, USER, type Kit, type Rule } from "./rule";

// Video: tus uploads are their uploader's; a private video and its files are NOT_FOUND to everyone else.

/** A ready video of A's (a row: what the procedures read), private unless said otherwise. */
async function videoOfA(kit: Kit, visibility: "public" | "private" = "private"): Promise<string> {
  const id = randomUUID().replaceAll("-", "").slice(0, 24);
  await kit.db.video.create({ data: { id, ownerId: kit.a.id, title: "Authorization suite", visibility, status: "ready", sourceName: "a.mp4", sourceType: "video/mp4", sourceBytes: 10n } });
  return id;
}

/** A file of a private ready video of A's, stored where the ladder's files go. */
async function videoFileOfA(kit: Kit, file: string): Promise<RouteRequest> {
  const id = await videoOfA(kit);
  await kit.storage.putObject(`videos/${id}/hls/${file}`, Buffer.from("#EXTM3U\n"), { contentType: "application/vnd.apple.mpegurl", ownerId: kit.a.id });
  return { path: `/api/videos/${id}/hls/${file}` };
}

/** A comment of `author`'s on a public video of theirs: its id. */
async function commentBy(kit: Kit, author: Kit["a"]): Promise<string> {
  const videoId = randomUUID().replaceAll("-", "").slice(0, 24);
  await kit.db.video.create({ data: { id: videoId, ownerId: author.id, title: "Authorization suite", visibility: "public", status: "ready", sourceName: "a.mp4", sourceType: "video/mp4", sourceBytes: 10n } });
  const comment = await kit.db.videoComment.create({ data: { videoId, authorId: author.id, body: "From the authorization suite" } });
  return comment.id.toString();
}

/** A comment of C's that B reported: open for the admin rules to decide on. */
async function reportedComment(kit: Kit): Promise<string> {
  const commentId = await commentBy(kit, kit.c);
  await kit.db.videoCommentReport.create({ data: { commentId: BigInt(commentId), reporterId: kit.b.id, reason: "Authorization suite" } });
  return commentId;
}

/** Removing from the watch history touches only the caller's rows: A's row of A's video stays while B removes. */
function historyRemoval(input: (videoId: string) => unknown): Rule<unknown> {
  return {
    access: "own-data-only",
    setup: async (kit) => {
      const videoId = await videoOfA(kit, "public");
      await kit.db.videoWatch.create({ data: { userId: kit.a.id, videoId, positionSeconds: 4 } });
      return { request: input(videoId), untouched: async () => (await kit.db.videoWatch.count({ where: { userId: kit.a.id, videoId } })) === 1 };
    },
  };
}

/** Acting on a private video of A's: B is told it does not exist; signed out gets `signedOut`. */
const onPrivateVideoOfA = (input: (videoId: string) => Record<string, unknown>, signedOut?: number): Rule<unknown> => ({
  access: "owner",
  request: async (kit) => input(await videoOfA(kit)),
  ...(signedOut ? { signedOut } : {}),
});

const TUS = { "tus-resumable": "1.0.0" };
const tusCreation = { ...TUS, "upload-length": "10", "upload-metadata": `filename ${btoa("a.mp4")},filetype ${btoa("video/mp4")},title ${btoa("Authorization suite")}` };

/** An upload A started (tus creation through the real route), nothing sent yet: its path. */
async function uploadOfA(kit: Kit): Promise<string> {
  const { POST } = await import("@/app/api/videos/uploads/route");
  const response = await POST(new Request("http://localhost/api/videos/uploads", { method: "POST", headers: { ...tusCreation, cookie: kit.a.cookie } }));
  const location = response.headers.get("location");
  if (response.status !== 201 || !location) throw new Error(`could not start an upload: ${response.status} ${await response.text()}`);
  return location;
}

export const procedures: Record<string, Rule<unknown>> = {
  "videos.list": { access: "public", why: "public, ready videos only" },
  // A private video is NOT_FOUND to everyone but its owner, signed out included.
  "videos.get": { access: "owner", request: async (kit) => ({ id: await videoOfA(kit) }), signedOut: 404 },
  "videos.mine": USER,
  "videos.delete": { access: "owner", request: async (kit) => ({ id: await videoOfA(kit, "public") }) },
  // Editing: the owner's only; B is told the video does not exist (a public one: being able to watch it is not owning it).
  "videos.edit": { access: "owner", request: async (kit) => ({ id: await videoOfA(kit, "public") }) },
  "videos.update": { access: "owner", request: async (kit) => ({ id: await videoOfA(kit, "public"), title: "Renamed by the suite", description: "", tags: [], visibility: "unlisted" }) },
  // The social layer: whatever names a video follows the watch rule (a private one is NOT_FOUND to others, signed out included).
  "videos.viewerState": onPrivateVideoOfA((id) => ({ id }), 404),
  "videos.recordView": onPrivateVideoOfA((id) => ({ id }), 404),
  "videos.react": onPrivateVideoOfA((videoId) => ({ videoId, reaction: "like" })),
  "videos.history.savePosition": onPrivateVideoOfA((videoId) => ({ videoId, positionSeconds: 1 })),
  "videos.comments.list": onPrivateVideoOfA((videoId) => ({ videoId }), 404),
  "videos.comments.add": onPrivateVideoOfA((videoId) => ({ videoId, body: "Hello from the authorization suite" })),
  "videos.comments.delete": { access: "owner", request: async (kit) => ({ commentId: await commentBy(kit, kit.a) }) },
  // Reporting is an act of one's own on someone else's comment (C's).
  "videos.comments.report": { access: "user", request: async (kit) => ({ commentId: await commentBy(kit, kit.c), reason: "Authorization suite" }) },
  // The moderation queue of reported comments: administrators only.
  "videos.moderation.queue": STAFF,
  "videos.moderation.resolve": { access: "admin", request: async (kit) => ({ commentId: await reportedComment(kit), action: "dismiss" }) },
  "videos.channel": { access: "public", why: "a channel page shows a person's name, public videos and subscriber count" },
  // Subscribing is an act on one's own subscriptions; the channel's id is the input.
  "videos.subscribe": { access: "user", request: (kit) => ({ channelId: kit.c.id, subscribed: true }) },
  "videos.subscriptionVideos": USER,
  "videos.subscribedChannels": USER,
  "videos.trending": { access: "public", why: "public, ready videos only, like the home page" },
  // Up next names a video: the watch rule again (a private one's relatives are NOT_FOUND to others, signed out included).
  "videos.upNext": onPrivateVideoOfA((id) => ({ id }), 404),
  "videos.recommended": USER,
  "videos.search": { access: "public", why: "searches public, ready videos only" },
  "videos.history.list": USER,
  "videos.history.continueWatching": USER,
  "videos.history.setPaused": { access: "user", request: () => ({ paused: false }) },
  "videos.history.remove": historyRemoval((videoId) => ({ videoId })),
  "videos.history.clear": historyRemoval(() => undefined),
  // Captions are the owner's to remove; B is told the video does not exist.
  "videos.captions.remove": {
    access: "owner",
    request: async (kit) => {
      const videoId = await videoOfA(kit, "public");
      await kit.db.videoCaption.create({ data: { videoId, language: "en", file: "captions-en-0123456789abcdef.vtt" } });
      return { videoId, language: "en" };
    },
  },
};

export const routes: Record<string, Rule<RouteRequest>> = {
  "POST /api/videos/uploads": { access: "user", request: () => ({ path: "/api/videos/uploads", headers: tusCreation }) },
  "HEAD /api/videos/uploads/[uploadId]": { access: "owner", request: async (kit) => ({ path: await uploadOfA(kit), headers: TUS }) },
  "PATCH /api/videos/uploads/[uploadId]": {
    access: "owner",
    request: async (kit) => ({ path: await uploadOfA(kit), body: "0123456789", headers: { ...TUS, "upload-offset": "0", "content-type": "application/offset+octet-stream" } }),
  },
  "DELETE /api/videos/uploads/[uploadId]": { access: "owner", request: async (kit) => ({ path: await uploadOfA(kit), headers: TUS }) },
  // The owner's picture as the thumbnail of a public video of A's: B is told it does not exist.
  "POST /api/videos/[videoId]/thumbnail": {
    access: "owner",
    request: async (kit) => ({
      path: `/api/videos/${await videoOfA(kit, "public")}/thumbnail`,
      body: new Uint8Array(await sharp({ create: { width: 32, height: 18, channels: 3, background: "#336699" } }).png().toBuffer()),
      headers: { "content-type": "image/png" },
    }),
  },
  // Captions for a public video of A's, uploaded by B: refused as not found.
  "POST /api/videos/[videoId]/captions/[language]": {
    access: "owner",
    request: async (kit) => ({ path: `/api/videos/${await videoOfA(kit, "public")}/captions/en`, body: "WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n", headers: { "content-type": "text/vtt" } }),
  },
  // Where A left a private video of A's (the beacon on leaving the page): B is told it does not exist.
  "POST /api/videos/[videoId]/position": {
    access: "owner",
    request: async (kit) => ({ path: `/api/videos/${await videoOfA(kit)}/position`, body: JSON.stringify({ positionSeconds: 1 }), headers: { "content-type": "text/plain;charset=UTF-8" } }),
  },
  "GET /api/videos/[videoId]/hls/[file]": { access: "owner", signedOut: 404, request: (kit) => videoFileOfA(kit, "master.m3u8") },
  "HEAD /api/videos/[videoId]/hls/[file]": { access: "owner", signedOut: 404, request: (kit) => videoFileOfA(kit, "master.m3u8") },
  "GET /api/videos/[videoId]/hls/[file]/[segment]": { access: "owner", signedOut: 404, request: (kit) => videoFileOfA(kit, "240p/index.m3u8") },
  "HEAD /api/videos/[videoId]/hls/[file]/[segment]": { access: "owner", signedOut: 404, request: (kit) => videoFileOfA(kit, "240p/index.m3u8") },
};
