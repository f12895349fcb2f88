import type { AccountEraser } from "@/server/accounts/account-eraser";
import { getLinkCache } from "../redirect/link-cache";

/**
 * A deleted account's links go with it (hard delete, clicks and rollups
 * included, so their aliases can be taken again), and every instance stops
 * redirecting them within a second, as for a single deleted link.
 */
export const eraseAccountLinks: AccountEraser = {
  system: "links",
  erase: async ({ db, redis, userId }) => {
    const links = await db.link.findMany({ where: { ownerId: userId }, select: { code: true } });
    await db.link.deleteMany({ where: { ownerId: userId } });
    const cache = getLinkCache({ db, redis });
    for (const { code } of links) await cache.invalidate(code);
  },
};
