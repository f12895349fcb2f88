import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.RATE_LIMIT_VIDEO_COMMENT_POINTS = "1000";
  process.env.RATE_LIMIT_VIDEO_ACTION_POINTS = "10000";
});

const { closeVideoTestConnections, db, testViewer: person } = await import("../videos-api-test-kit");

/**
 * The moderation queue of Video's comments (/videos/admin/reports): reported
 * comments with their video, report count and reasons, the longest-waiting
 * first; "remove" deletes the comment (replies and counts follow), "dismiss"
 * keeps it and empties its open reports until someone reports it again.
 * Administrators only.
 */
afterAll(closeVideoTestConnections);

async function readyVideo(ownerId: string): Promise<string> {
  const id = randomUUID().replaceAll("-", "").slice(0, 24);
  await db.video.create({ data: { id, ownerId, title: `Moderated ${id.slice(0, 6)}`, visibility: "public", status: "ready", durationSeconds: 60, publishedAt: new Date(), sourceName: "a.mp4", sourceType: "video/mp4", sourceBytes: 10n } });
  return id;
}

describe("moderating reported comments", () => {
  it("lists reported comments with video, count and reasons; remove deletes, dismiss keeps until a new report", async () => {
    const [admin, owner, author, first, second, third] = await Promise.all([person("Admin", "admin"), person("Owner"), person("Author"), person("First"), person("Second"), person("Third")]);
    const videoId = await readyVideo(owner.user.id);
    const spam = await author.videos.comments.add({ videoId, body: "Buy cheap views" });
    const rude = await author.videos.comments.add({ videoId, body: "Rude words" });
    const reply = await owner.videos.comments.add({ videoId, parentId: spam.id, body: "Please stop" });
    await first.videos.comments.report({ commentId: spam.id, reason: "Spam" });
    await second.videos.comments.report({ commentId: spam.id, reason: "Selling views" });
    await first.videos.comments.report({ commentId: rude.id, reason: "Insulting" });

    const mine = (queue: Array<{ comment: { id: string } }>) => queue.filter((item) => [spam.id, rude.id].includes(item.comment.id));
    expect(mine(await admin.videos.moderation.queue())).toEqual([
      { comment: expect.objectContaining({ id: spam.id, body: "Buy cheap views", author: expect.objectContaining({ id: author.user.id }) }), video: { id: videoId, title: expect.stringMatching(/^Moderated /) }, reportCount: 2, reasons: ["Selling views", "Spam"], firstReportedAt: expect.any(Date) },
      { comment: expect.objectContaining({ id: rude.id }), video: { id: videoId, title: expect.stringMatching(/^Moderated /) }, reportCount: 1, reasons: ["Insulting"], firstReportedAt: expect.any(Date) },
    ]);

    // Remove: the comment and its reply go, and the video's count follows.
    expect(await admin.videos.moderation.resolve({ commentId: spam.id, action: "remove" })).toEqual({ resolved: "removed" });
    expect(await db.videoComment.count({ where: { id: { in: [BigInt(spam.id), BigInt(reply.id)] } } })).toBe(0);
    expect((await db.video.findUniqueOrThrow({ where: { id: videoId } })).commentCount).toBe(1);
    await expect(admin.videos.moderation.resolve({ commentId: spam.id, action: "dismiss" })).rejects.toMatchObject({ code: "NOT_FOUND" });

    // Dismiss: the comment stays and leaves the queue; the same reporter again changes nothing, someone new brings it back.
    expect(await admin.videos.moderation.resolve({ commentId: rude.id, action: "dismiss" })).toEqual({ resolved: "dismissed" });
    expect(await db.videoComment.count({ where: { id: BigInt(rude.id) } })).toBe(1);
    expect(mine(await admin.videos.moderation.queue())).toEqual([]);
    await expect(admin.videos.moderation.resolve({ commentId: rude.id, action: "remove" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await first.videos.comments.report({ commentId: rude.id, reason: "Insulting, again" });
    expect(mine(await admin.videos.moderation.queue())).toEqual([]);
    await third.videos.comments.report({ commentId: rude.id, reason: "Still rude" });
    expect(mine(await admin.videos.moderation.queue())).toEqual([expect.objectContaining({ comment: expect.objectContaining({ id: rude.id }), reportCount: 1, reasons: ["Still rude"] })]);
  });

  it("is for administrators only", async () => {
    const someone = await person("Someone");
    await expect(someone.videos.moderation.queue()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(someone.videos.moderation.resolve({ commentId: "1", action: "remove" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
