import type { Prisma } from "@/server/generated/prisma/client";

/** The videos a viewer may watch, as a filter for lists (the rule of get-watchable-video.ts): ready, and not someone else's private one. */
export function watchableBy(viewerId: string | null): Prisma.VideoWhereInput {
  return { status: "ready", OR: [{ visibility: { not: "private" } }, ...(viewerId ? [{ ownerId: viewerId }] : [])] };
}
