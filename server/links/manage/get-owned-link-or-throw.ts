import { AppError } from "@/server/errors";
import type { Link } from "@/server/generated/prisma/client";
import type { Db } from "@/server/platform/db";

/** The link at `code` if `ownerId` owns it: NOT_FOUND when there is none, FORBIDDEN when it is someone else's (or anonymous). */
export async function getOwnedLinkOrThrow({ db, ownerId, code }: { db: Db; ownerId: string; code: string }): Promise<Link> {
  const link = await db.link.findUnique({ where: { code } });
  if (!link) throw new AppError("NOT_FOUND", `There is no link /${code}.`);
  if (link.ownerId !== ownerId) throw new AppError("FORBIDDEN", "This link belongs to someone else.");
  return link;
}
