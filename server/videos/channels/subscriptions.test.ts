import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.RATE_LIMIT_VIDEO_ACTION_POINTS = "10000";
});

const { closeVideoTestConnections, db, testViewer: person } = await import("../videos-api-test-kit");

/** My subscriptions (/videos/subscriptions): the channels I follow, and their public videos newest first, page by page. */
afterAll(closeVideoTestConnections);

/** A video published `minutesAgo`. */
async function videoOf(ownerId: string, minutesAgo: number, { status = "ready", visibility = "public" }: { status?: "ready" | "processing"; visibility?: "public" | "unlisted" | "private" } = {}) {
  const id = randomUUID().replaceAll("-", "").slice(0, 24);
  const publishedAt = status === "ready" ? new Date(Date.now() - minutesAgo * 60_000) : null;
  await db.video.create({ data: { id, ownerId, title: `Clip ${minutesAgo}`, visibility, status, publishedAt, sourceName: "a.mp4", sourceType: "video/mp4", sourceBytes: 10n } });
  return id;
}

describe("my subscriptions", () => {
  it("pages the public videos of the channels I follow, newest first, never repeating one", async () => {
    const [first, second, stranger, fan] = await Promise.all([person("First"), person("Second"), person("Stranger"), person("Fan")]);
    const expected = [await videoOf(first.user.id, 1), await videoOf(second.user.id, 2), await videoOf(first.user.id, 3), await videoOf(second.user.id, 4), await videoOf(first.user.id, 5)];
    // Not mine to see here: unlisted, private, not ready, and a channel I do not follow.
    await videoOf(first.user.id, 0, { visibility: "unlisted" });
    await videoOf(first.user.id, 0, { visibility: "private" });
    await videoOf(second.user.id, 0, { status: "processing" });
    await videoOf(stranger.user.id, 0);
    await fan.videos.subscribe({ channelId: first.user.id, subscribed: true });
    await fan.videos.subscribe({ channelId: second.user.id, subscribed: true });

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: Array<{ id: string }>; nextCursor: string | null } = await fan.videos.subscriptionVideos({ cursor, limit: 2 });
      seen.push(...page.items.map((video) => video.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(expected);
    expect(pages).toBe(3);
  });

  it("lists the channels I follow, the latest subscription first, with their public video counts; none for someone new", async () => {
    const [first, second, fan, newcomer] = await Promise.all([person("First"), person("Second"), person("Fan"), person("Newcomer")]);
    await videoOf(second.user.id, 1);
    await videoOf(second.user.id, 2);
    await videoOf(second.user.id, 3, { visibility: "private" });
    await fan.videos.subscribe({ channelId: first.user.id, subscribed: true });
    await fan.videos.subscribe({ channelId: second.user.id, subscribed: true });

    expect(await fan.videos.subscribedChannels()).toEqual([
      { id: second.user.id, name: "Second", username: second.user.username, image: null, videoCount: 2 },
      { id: first.user.id, name: "First", username: first.user.username, image: null, videoCount: 0 },
    ]);
    expect(await newcomer.videos.subscribedChannels()).toEqual([]);
    expect(await newcomer.videos.subscriptionVideos()).toEqual({ items: [], nextCursor: null });
  });
});
