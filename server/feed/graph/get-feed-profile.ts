import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";

export type FeedProfileView = {
  id: string;
  name: string;
  username: string | null;
  image: string | null;
  bio: string;
  joinedAt: Date;
  followerCount: number;
  followingCount: number;
  postCount: number;
  /** The viewer follows them / they follow the viewer (false when signed out or the viewer's own profile). */
  following: boolean;
  followsYou: boolean;
  isYou: boolean;
  /** Safety between the viewer and them: the viewer blocked them / they blocked the viewer / the viewer muted them. */
  youBlocked: boolean;
  blockedYou: boolean;
  youMuted: boolean;
};

/**
 * /feed/u/[username]: who they are, their counts (trigger-kept), and how they and the viewer are connected.
 * People without a username are addressed by their id.
 */
export async function getFeedProfile({ db, viewerId, username }: { db: Db; viewerId: string | null; username: string }): Promise<FeedProfileView> {
  const user = await db.user.findFirst({
    where: { OR: [{ username: username.toLowerCase() }, { id: username }] },
    select: { id: true, name: true, username: true, image: true, createdAt: true, feedProfile: true },
  });
  if (!user) throw new AppError("NOT_FOUND", `There is no one called @${username}.`);
  const viewer = viewerId ?? "";
  const [following, followsYou, youBlocked, blockedYou, youMuted] = await Promise.all([
    db.follow.count({ where: { followerId: viewer, followeeId: user.id } }),
    db.follow.count({ where: { followerId: user.id, followeeId: viewer } }),
    db.feedBlock.count({ where: { blockerId: viewer, blockedId: user.id } }),
    db.feedBlock.count({ where: { blockerId: user.id, blockedId: viewer } }),
    db.feedMute.count({ where: { muterId: viewer, mutedId: user.id } }),
  ]);
  return {
    id: user.id,
    name: user.name,
    username: user.username,
    image: user.image,
    bio: user.feedProfile?.bio ?? "",
    joinedAt: user.createdAt,
    followerCount: user.feedProfile?.followerCount ?? 0,
    followingCount: user.feedProfile?.followingCount ?? 0,
    postCount: user.feedProfile?.postCount ?? 0,
    following: following > 0,
    followsYou: followsYou > 0,
    isYou: user.id === viewerId,
    youBlocked: youBlocked > 0,
    blockedYou: blockedYou > 0,
    youMuted: youMuted > 0,
  };
}
