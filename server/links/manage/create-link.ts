import { z } from "zod";
import { Prisma } from "@/server/generated/prisma/client";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { isUniqueViolation } from "@/server/platform/db-errors";
import type { LinkCache } from "../redirect/link-cache";
import { LinkPassword, LinkTags, LinkTitle, aliasOrThrow, destinationOrThrow, expiryOrThrow, normalizeTags } from "./link-fields";
import { generatedLinkInserterFor } from "./insert-generated-links";
import { LinkTargetingInput, targetingOrThrow } from "./link-targeting";
import { hashLinkPassword } from "../link-password";
import { toLinkView, type LinkView } from "./link-view";
import { codeAllocatorFor } from "./short-code";
import { queueLinkPreview } from "../preview/refresh-link-preview";

export const CreateLinkInput = z.object({
  url: z.string().max(8_192),
  /** Empty means "generate a code". */
  customAlias: z.string().trim().max(100).optional(),
  expiresAt: z.date().nullish(),
  title: LinkTitle.optional(),
  tags: LinkTags.optional(),
  password: LinkPassword.optional(),
  /** Other destinations by country or device (link-targeting.ts). */
  targeting: LinkTargetingInput.optional(),
});
export type CreateLinkInput = z.infer<typeof CreateLinkInput>;

/** A generated code clashes only with a 7-character alias (or after a key change); then the next counter is used. */
const MAX_GENERATED_ATTEMPTS = 5;

/**
 * Creates a short link, anonymous (ownerId null, REST only) or owned. A custom
 * alias that is taken answers CONFLICT. A new alias's negative-cache entry is
 * cleared, so an alias someone probed a moment ago answers at once.
 */
export async function createLink({
  db,
  cache,
  ownerId,
  input,
  now = new Date(),
  origin,
}: {
  db: Db;
  cache: LinkCache;
  ownerId: string | null;
  input: CreateLinkInput;
  now?: Date;
  /** Where the returned short URL points (short-url.ts); the configured origin when omitted. */
  origin?: string;
}): Promise<LinkView> {
  const url = destinationOrThrow(input.url);
  const alias = input.customAlias ? aliasOrThrow(input.customAlias) : undefined;
  const expiresAt = expiryOrThrow(input.expiresAt, now) ?? null;
  const title = input.title?.trim() || null;
  const tags = normalizeTags(input.tags) ?? [];
  const passwordHash = input.password ? await hashLinkPassword(input.password) : null;
  const targeting = input.targeting ? targetingOrThrow(input.targeting) : null;
  const data = { ownerId, url, title, tags, expiresAt, passwordHash, targeting };

  if (alias !== undefined) {
    try {
      const link = await db.link.create({ data: { ...data, targeting: targeting ?? Prisma.DbNull, code: alias, isAlias: true } });
      await cache.invalidate(link.code);
      await previewOwned(link);
      return toLinkView(link, now, origin);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError("CONFLICT", `The alias "${alias}" is already taken.`, { field: "customAlias" });
      throw error;
    }
  }

  const allocator = codeAllocatorFor(db);
  const inserter = generatedLinkInserterFor(db);
  for (let attempt = 0; attempt < MAX_GENERATED_ATTEMPTS; attempt++) {
    const link = await inserter.submit({ ...data, code: await allocator.nextCode(), createdAt: new Date() });
    // No invalidation: a generated code has never been handed out before and cannot be
    // guessed, so no cache tier holds an entry for it (unlike an alias someone just tried).
    if (link) {
      await previewOwned(link);
      return toLinkView(link, now, origin);
    }
  }
  throw new AppError("INTERNAL", "Could not allocate a short code.");
}

/** Only an owner sees a link's card (anonymous REST links have no page to show it on). */
async function previewOwned(link: { id: string; ownerId: string | null }): Promise<void> {
  if (link.ownerId !== null) await queueLinkPreview(link.id);
}
