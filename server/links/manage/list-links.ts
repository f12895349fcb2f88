import { z } from "zod";
import type { Prisma } from "@/server/generated/prisma/client";
import type { Db } from "@/server/platform/db";
import { toLinkView, type LinkView } from "./link-view";

export const ListLinksInput = z.object({
  /** Matches code, destination or title (case-insensitive substring). */
  search: z.string().trim().max(200).optional(),
  tag: z.string().trim().max(32).optional(),
  status: z.enum(["all", "active", "expired", "disabled"]).default("all"),
  /** `nextCursor` of the previous page. */
  cursor: z.string().max(64).nullish(),
  limit: z.number().int().min(1).max(100).default(20),
});
export type ListLinksInput = z.input<typeof ListLinksInput>;

export type LinkPage = { items: LinkView[]; nextCursor: string | null };

/** The owner's links, newest first, one page at a time. */
export async function listLinks({
  db,
  ownerId,
  input,
  now = new Date(),
  origin,
}: {
  db: Db;
  ownerId: string;
  input: z.output<typeof ListLinksInput>;
  now?: Date;
  /** Where the short URLs point (short-url.ts); the configured origin when omitted. */
  origin?: string;
}): Promise<LinkPage> {
  const where: Prisma.LinkWhereInput = { ownerId };
  const and: Prisma.LinkWhereInput[] = [];
  if (input.search) {
    const contains = { contains: input.search, mode: "insensitive" as const };
    and.push({ OR: [{ code: contains }, { url: contains }, { title: contains }] });
  }
  if (input.tag) and.push({ tags: { has: input.tag } });
  if (input.status === "active") and.push({ disabledAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] });
  if (input.status === "expired") and.push({ expiresAt: { lte: now } });
  if (input.status === "disabled") and.push({ disabledAt: { not: null } });
  if (and.length > 0) where.AND = and;

  const rows = await db.link.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, input.limit);
  return { items: page.map((row) => toLinkView(row, now, origin)), nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null };
}
