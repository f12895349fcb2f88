import type { Db } from "@/server/platform/db";

/**
 * Live numbers for the home page: the platform's, then one line per built
 * system (its card in components/home/home-overview.tsx reads it). A system
 * adds its own line as it lands; every count runs at once.
 */
export async function getHomeStats({ db }: { db: Db }) {
  return countAll({
    users: db.user.count(),
    notifications: db.notification.count(),
    activeSessions: db.session.count({ where: { expiresAt: { gt: new Date() } } }),
    links: db.link.count(),
    chatMessages: db.message.count(),
    feedPosts: db.post.count({ where: { deletedAt: null, repostOfId: null } }),
    shopOrdersPaid: db.order.count({ where: { paidAt: { not: null } } }),
    videos: db.video.count({ where: { status: "ready", visibility: "public" } }),
    ridesCompleted: db.trip.count({ where: { status: "completed" } }),
  });
}

/** Awaits every count of the record together and keeps each under its name. */
async function countAll<Counts extends Record<string, Promise<number>>>(counts: Counts): Promise<{ [Name in keyof Counts]: number }> {
  const entries = await Promise.all(Object.entries(counts).map(async ([name, count]) => [name, await count] as const));
  return Object.fromEntries(entries) as { [Name in keyof Counts]: number };
}
