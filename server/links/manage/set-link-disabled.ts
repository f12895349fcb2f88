import type { Db } from "@/server/platform/db";
import { getOwnedLinkOrThrow } from "./get-owned-link-or-throw";
import type { LinkCache } from "../redirect/link-cache";
import { toLinkView, type LinkView } from "./link-view";

/** A disabled link answers 410 until it is enabled again; its clicks and settings are kept. */
export async function setLinkDisabled({
  db,
  cache,
  ownerId,
  code,
  disabled,
  origin,
}: {
  db: Db;
  cache: LinkCache;
  ownerId: string;
  code: string;
  disabled: boolean;
  /** Where the returned short URL points (short-url.ts); the configured origin when omitted. */
  origin?: string;
}): Promise<LinkView> {
  const link = await getOwnedLinkOrThrow({ db, ownerId, code });
  const updated = await db.link.update({ where: { id: link.id }, data: { disabledAt: disabled ? (link.disabledAt ?? new Date()) : null } });
  await cache.invalidate(code);
  return toLinkView(updated, undefined, origin);
}
