import type { Db } from "@/server/platform/db";

/** Live numbers for the home page cards; each system adds its own as it lands. */
export async function getHomeStats({ db }: { db: Db }) {
  const [users, notifications, activeSessions, links, chatMessages, feedPosts] = await Promise.all([
    db.user.count(),
    db.notification.count(),
    db.session.count({ where: { expiresAt: { gt: new Date() } } }),
    db.link.count(),
    db.message.count(),
    db.post.count({ where: { deletedAt: null, repostOfId: null } }),
  ]);
  return { users, notifications, activeSessions, links, chatMessages, feedPosts };
}
